package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Bayesian search by the tree-structured Parzen estimator (Bergstra et al., 2011), multivariate
 * (Falkner et al., 2018): the finished trials are split into the best quarter ("good", at most 25)
 * and the rest; each group gets one joint density over all parameters (a product kernel per
 * observation plus a broad prior), and the next trial is the candidate, drawn from the good
 * density, with the largest ratio good/bad. Joint densities keep what goes together (a small
 * learning rate with deep trees) together, where one density per parameter mixes good values of
 * different good trials. Until {@link #startup} trials have finished it samples at random. Pruned
 * trials count as bad, so regions that were stopped early are avoided.
 *
 * <p>Numeric parameters live on their internal scale (log ranges as logarithms, integers widened by
 * half a step each side) divided by the range, so one bandwidth fits every dimension: Scott's rule
 * for d dimensions, {@code 0.3 * n^(-1/(d+4))}, with a floor so a kernel never collapses onto one
 * point. Categorical parameters use a kernel that keeps the observed choice with most weight.
 */
final class TpeSampler implements Sampler {
    /** Random trials before the model starts: one per parameter and two more, between 5 and 10. */
    static int startupFor(SearchSpace space) {
        return Math.max(5, Math.min(10, space.params().size() + 2));
    }

    static final int CANDIDATES = 64;
    private static final double GAMMA = 0.25;
    private static final int MAX_GOOD = 25;
    /** Bandwidth at one observation, in range units; shrinks as n^(-1/(d+4)). */
    private static final double SIGMA0 = 0.3;
    private static final double MIN_SIGMA = 0.01;

    private final SearchSpace space;
    private final int startup;

    TpeSampler(SearchSpace space) {
        this.space = space;
        this.startup = startupFor(space);
    }

    @Override
    public Optional<Map<String, String>> next(int trial, List<Observation> history, Random random) {
        if (history.size() < startup) {
            return Optional.of(RandomSampler.draw(space, random));
        }
        List<Observation> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(Observation::pruned).thenComparingDouble(Observation::loss));
        long complete = sorted.stream().filter(o -> !o.pruned()).count();
        int good = (int) Math.max(1, Math.min(Math.min(MAX_GOOD, complete), Math.ceil(GAMMA * sorted.size())));
        Density below = new Density(space, points(sorted.subList(0, good)));
        Density above = new Density(space, points(sorted.subList(good, sorted.size())));
        double[] chosen = null;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            double[] x = below.sample(random);
            double score = below.logDensity(x) - above.logDensity(x);
            if (chosen == null || score > best) {
                best = score;
                chosen = x;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<Param> params = space.params();
        for (int d = 0; d < params.size(); d++) {
            Param p = params.get(d);
            out.put(p.name(), p.format(p instanceof Param.CategoricalParam ? chosen[d] : p.low() + chosen[d] * (p.high() - p.low())));
        }
        return Optional.of(out);
    }

    /**
     * Each observation as a point of the unit cube (numeric parameters scaled to [0, 1], categorical
     * ones as the choice's index); NaN where the observation has no value for the parameter (a warm
     * start from another space), which its kernel then treats as "anything".
     */
    private double[][] points(List<Observation> obs) {
        List<Param> params = space.params();
        double[][] out = new double[obs.size()][params.size()];
        for (int i = 0; i < obs.size(); i++) {
            for (int d = 0; d < params.size(); d++) {
                Param p = params.get(d);
                String v = obs.get(i).params().get(p.name());
                double internal = v == null ? Double.NaN : p.internal(v);
                out[i][d] = Double.isNaN(internal) || p instanceof Param.CategoricalParam ? internal
                        : (internal - p.low()) / (p.high() - p.low());
            }
        }
        return out;
    }

    /** A mixture of product kernels, one per observation, plus the prior (uniform-ish over the cube). */
    static final class Density {
        private final SearchSpace space;
        private final double[][] mu;
        private final double sigma;
        /** Per component and numeric dimension: the Gaussian's mass inside [0, 1], for truncation. */
        private final double[][] mass;
        private final double priorMass;
        /** How much of a categorical kernel's weight stays on the observed choice, per parameter (NaN for numeric ones). */
        private final double[] keep;

        Density(SearchSpace space, double[][] observed) {
            this.space = space;
            this.mu = observed;
            int dims = Math.max(1, (int) space.params().stream().filter(p -> !(p instanceof Param.CategoricalParam)).count());
            this.sigma = Math.max(MIN_SIGMA, SIGMA0 * Math.pow(Math.max(1, observed.length), -1.0 / (dims + 4)));
            List<Param> params = space.params();
            mass = new double[observed.length][params.size()];
            for (int i = 0; i < observed.length; i++) {
                for (int d = 0; d < params.size(); d++) {
                    double m = observed[i][d];
                    mass[i][d] = Double.isNaN(m) ? 1 : phi((1 - m) / sigma) - phi(-m / sigma);
                }
            }
            priorMass = phi(0.5) - phi(-0.5);
            // as Optuna's kernel: the observed choice gets 1, every choice a prior 1/n on top; with few
            // observations the others keep a real chance, with many the kernel narrows onto what was seen
            keep = new double[params.size()];
            for (int d = 0; d < params.size(); d++) {
                int n = Math.max(1, observed.length);
                keep[d] = params.get(d) instanceof Param.CategoricalParam c
                        ? (1.0 + 1.0 / n) / (1.0 + c.choices().size() / (double) n) : Double.NaN;
            }
        }

        /** A point drawn from a component chosen uniformly (the prior is one of them). */
        double[] sample(Random random) {
            List<Param> params = space.params();
            int c = random.nextInt(mu.length + 1);
            double[] x = new double[params.size()];
            for (int d = 0; d < params.size(); d++) {
                Param p = params.get(d);
                boolean prior = c == mu.length || Double.isNaN(mu[c][d]);
                if (p instanceof Param.CategoricalParam cat) {
                    int k = cat.choices().size();
                    // the remaining weight is spread evenly over all k choices, the observed one included
                    x[d] = prior || random.nextDouble() >= (keep[d] * k - 1) / (k - 1) ? random.nextInt(k) : mu[c][d];
                } else {
                    x[d] = prior ? truncated(0.5, 1.0, random) : truncated(mu[c][d], sigma, random);
                }
            }
            return x;
        }

        private static double truncated(double m, double s, Random random) {
            for (int tries = 0; tries < 100; tries++) {
                double v = m + s * random.nextGaussian();
                if (v >= 0 && v <= 1) {
                    return v;
                }
            }
            return Math.max(0, Math.min(1, m));
        }

        double logDensity(double[] x) {
            List<Param> params = space.params();
            double[] logs = new double[mu.length + 1];
            for (int c = 0; c <= mu.length; c++) {
                double log = 0;
                for (int d = 0; d < params.size(); d++) {
                    Param p = params.get(d);
                    boolean prior = c == mu.length || Double.isNaN(mu[c][d]);
                    if (p instanceof Param.CategoricalParam cat) {
                        int k = cat.choices().size();
                        log += Math.log(prior ? 1.0 / k : x[d] == mu[c][d] ? keep[d] : (1 - keep[d]) / (k - 1));
                    } else if (prior) {
                        log += logNormal(x[d], 0.5, 1.0) - Math.log(priorMass);
                    } else {
                        log += logNormal(x[d], mu[c][d], sigma) - Math.log(Math.max(1e-12, mass[c][d]));
                    }
                }
                logs[c] = log;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double l : logs) {
                max = Math.max(max, l);
            }
            double sum = 0;
            for (double l : logs) {
                sum += Math.exp(l - max);
            }
            return max + Math.log(sum / logs.length);
        }

        private static double logNormal(double x, double m, double s) {
            double z = (x - m) / s;
            return -0.5 * z * z - Math.log(s * Math.sqrt(2 * Math.PI));
        }
    }

    /** Standard normal CDF, through erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double phi(double z) {
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
