package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.tune.AshaSettings;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TuningResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A replay, not a measurement: random search's recorded per-round validation curves (trial i is
 * the same configuration in every strategy of one seed), each trial's measured cost per round and
 * the measured fixed cost of a trial, run through early-stopping rules. Each replay returns the
 * seconds until the rule has fully trained a configuration whose final value is at most the
 * target, or NaN if it never does. Rules: stopping ASHA, Ray Tune's and Optuna's kind and the
 * product's before session 5 (a trial stops at a rung unless it is in the best
 * {@code 1/reduction} of the trials that reached that rung before it; with several brackets, trial
 * i runs in bracket {@code i mod brackets}), ASHA as in the paper and the product (a trial pauses
 * at a rung and resumes when it ranks in the best {@code 1/reduction}; a free worker first resumes
 * the highest such trial, else starts a new one) and the bound of any pruner with a given first
 * rung (every trial before random's best stopped at it).
 */
final class AshaReplay {
    private final List<double[]> curves;
    private final double[] perRound;
    private final double[] finals;
    private final double fixed;
    private final int max;

    private AshaReplay(List<double[]> curves, double[] perRound, double[] finals, double fixed, int max) {
        this.curves = curves;
        this.perRound = perRound;
        this.finals = finals;
        this.fixed = fixed;
        this.max = max;
    }

    /** The curves of a finished random job whose trials ran {@code max} rounds; empty (with why) when a trial has another length. */
    static Optional<AshaReplay> record(Engine engine, TuningResult random, double fixed, int max, StringBuilder why) throws Exception {
        List<Trial> trials = random.trials().stream().sorted(Comparator.comparingInt(Trial::number)).toList();
        List<double[]> curves = new ArrayList<>();
        double[] perRound = new double[trials.size()];
        double[] finals = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            double[] c = engine.experiments().history(t.run().orElseThrow(), "valid_logloss").stream()
                    .sorted(Comparator.comparingLong(MetricPoint::step))
                    .mapToDouble(MetricPoint::value).toArray();
            if (c.length != max || t.value().isEmpty()) {
                why.append(String.format(Locale.ROOT, "trial %d has %d curve points, not %d", t.number(), c.length, max));
                return Optional.empty();
            }
            curves.add(c);
            perRound[i] = Math.max(0, t.elapsed().toNanos() / 1e9 - fixed) / max;
            finals[i] = t.value().getAsDouble();
        }
        return Optional.of(new AshaReplay(curves, perRound, finals, fixed, max));
    }

    /** The replay line of the single-seed bench: stopping ASHA, pause and resume, and the bound, for {@code asha}'s rungs. */
    static String of(Engine engine, TuningResult random, double target, double fixed, AshaSettings asha) throws Exception {
        StringBuilder why = new StringBuilder();
        Optional<AshaReplay> r = record(engine, random, fixed, asha.maxResource(), why);
        if (r.isEmpty()) {
            return "# replay skipped: " + why;
        }
        AshaReplay replay = r.get();
        int n = replay.trials();
        List<Integer> rungs = asha.rungs(0);
        double randomTime = replay.random(n, target);
        double stopping = replay.stopping(n, asha, target);
        double promoting = replay.promoting(n, asha, target);
        double bound = replay.bound(n, rungs.getFirst(), target);
        return String.format(Locale.ROOT, "# replay of random's %d curves (fixed %.1f ms a trial + each trial's measured cost per round; rungs %s):"
                        + " random reaches the target in %.2f s; stopping ASHA (Ray Tune's, Optuna's) %.2f s (ratio %.2f); pause and"
                        + " resume (the paper's, the product's) %.2f s (ratio %.2f); bound, every trial before random's best stopped at round %d, %.2f s (ratio %.2f)",
                n, fixed * 1000, rungs, randomTime, stopping, randomTime / stopping, promoting, randomTime / promoting,
                rungs.getFirst(), bound, randomTime / bound);
    }

    int trials() {
        return curves.size();
    }

    /** The best final value of the first {@code n} trials. */
    double best(int n) {
        double b = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            b = Math.min(b, finals[i]);
        }
        return b;
    }

    /** Index of the first of the first {@code n} trials whose final value is at most {@code target}, or -1. */
    int firstReaching(int n, double target) {
        for (int i = 0; i < n; i++) {
            if (finals[i] <= target) {
                return i;
            }
        }
        return -1;
    }

    /** Random search: every trial to the end, in order. */
    double random(int n, double target) {
        double time = 0;
        for (int i = 0; i < n; i++) {
            time += fixed + perRound[i] * max;
            if (finals[i] <= target) {
                return time;
            }
        }
        return Double.NaN;
    }

    /** Every trial before the first that reaches the target stopped at {@code firstRung}; that one run to the end. */
    double bound(int n, int firstRung, double target) {
        int first = firstReaching(n, target);
        if (first < 0) {
            return Double.NaN;
        }
        double time = 0;
        for (int i = 0; i < first; i++) {
            time += fixed + perRound[i] * firstRung;
        }
        return time + fixed + perRound[first] * max;
    }

    private double bestUpTo(int trial, int step) {
        double b = Double.POSITIVE_INFINITY;
        double[] c = curves.get(trial);
        for (int s = 0; s < step; s++) {
            b = Math.min(b, c[s]);
        }
        return b;
    }

    /** Stopping ASHA (Hyperband when {@code asha} has several brackets), one trial at a time. */
    double stopping(int n, AshaSettings asha, double target) {
        int eta = asha.reduction();
        List<List<Integer>> rungsOf = new ArrayList<>();
        Map<Long, List<Double>> reached = new HashMap<>();
        for (int b = 0; b < asha.brackets(); b++) {
            rungsOf.add(asha.rungs(b));
        }
        double time = 0;
        for (int i = 0; i < n; i++) {
            int bracket = i % asha.brackets();
            List<Integer> rungs = rungsOf.get(bracket);
            time += fixed;
            int step = 0;
            boolean stopped = false;
            for (int k = 0; k < rungs.size() && !stopped; k++) {
                time += perRound[i] * (rungs.get(k) - step);
                step = rungs.get(k);
                double loss = bestUpTo(i, step);
                List<Double> here = reached.computeIfAbsent(((long) bracket << 32) | k, x -> new ArrayList<>());
                here.add(loss);
                long better = here.stream().filter(v -> v < loss).count();
                stopped = better >= Math.max(1, here.size() / eta);
            }
            if (!stopped) {
                time += perRound[i] * (max - step);
                if (finals[i] <= target) {
                    return time;
                }
            }
        }
        return Double.NaN;
    }

    /** ASHA as in the paper and the product (pause at a rung, resume when in the best third), one bracket, one worker. */
    double promoting(int n, AshaSettings asha, double target) {
        int eta = asha.reduction();
        List<Integer> levels = new ArrayList<>(asha.rungs(0));
        levels.add(max);
        List<Map<Integer, Double>> at = new ArrayList<>();
        List<Set<Integer>> promoted = new ArrayList<>();
        levels.forEach(l -> {
            at.add(new HashMap<>());
            promoted.add(new HashSet<>());
        });
        double time = 0;
        int next = 0;
        while (true) {
            int trial = -1;
            int level = -1;
            for (int k = levels.size() - 2; k >= 0 && trial < 0; k--) {
                List<Map.Entry<Integer, Double>> ranked = at.get(k).entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
                for (Map.Entry<Integer, Double> e : ranked.subList(0, ranked.size() / eta)) {
                    if (!promoted.get(k).contains(e.getKey())) {
                        trial = e.getKey();
                        level = k;
                        break;
                    }
                }
            }
            if (trial >= 0) {
                promoted.get(level).add(trial);
                int to = levels.get(level + 1);
                time += perRound[trial] * (to - levels.get(level));
                at.get(level + 1).put(trial, to == max ? finals[trial] : bestUpTo(trial, to));
                if (to == max && finals[trial] <= target) {
                    return time;
                }
            } else if (next < n) {
                time += fixed + perRound[next] * levels.getFirst();
                at.getFirst().put(next, bestUpTo(next, levels.getFirst()));
                next++;
            } else {
                return Double.NaN;
            }
        }
    }
}
