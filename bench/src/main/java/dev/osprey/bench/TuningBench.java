package dev.osprey.bench;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.tune.Budget;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.SearchSpace;
import dev.osprey.core.tune.Strategy;
import dev.osprey.core.tune.TrialFunction;
import dev.osprey.core.tune.Tuner;
import dev.osprey.core.tune.TunerSettings;
import dev.osprey.core.tune.TuningResult;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code BenchMain tune [efficiency|hyperband|hyperband-seeds|parallel|all] [--seeds N] [--seed-base B] [--hb-seed S] [--dir D]}:
 * the figures of the
 * tuning issue.
 * <ul>
 * <li>efficiency: on 3 generated datasets, the trials Bayesian search (TPE) needs to reach the best of
 * 50 random trials, median over seeds. Trials are XGBoost fits on in-memory matrices (40 rounds, one
 * thread), so the 1,000+ fits take minutes; the search engine is the product's ({@link Tuner}).</li>
 * <li>hyperband: the product path ({@code engine.tuning()}, every trial a recorded run): Hyperband/ASHA
 * against random search with the same trials (same seed, so the same configurations), wall-clock until
 * each first reaches random's final best validation log loss (+0.5%). hyperband-seeds: the same over
 * {@code --seeds} seeds from {@code --hb-seed}, with replays of other rules, medians per rule.</li>
 * <li>parallel: the product path, random search, trials per minute of 2 trials at once against 1 at a
 * time, each trial on one thread (the scheduler's scaling), and with the default threads (2 x 1 thread
 * against 1 trial with every core: what a user gets).</li>
 * </ul>
 * The last two run through the product's own path in {@link TuningJobBench}.
 */
final class TuningBench {
    private static final String SPACE = "max_depth=int(1,10);eta=log(0.005,0.5);subsample=float(0.4,1);"
            + "colsample_bytree=float(0.4,1);min_child_weight=log(0.1,50);lambda=log(0.01,100)";
    private static final int RANDOM_TRIALS = 50;
    private static final int BAYES_CAP = 100;

    private final int seeds;
    private final long seedBase;
    private final PrintStream out;

    TuningBench(int seeds, long seedBase, PrintStream out) {
        this.seeds = seeds;
        this.seedBase = seedBase;
        this.out = out;
    }

    static void main(String[] args) throws Exception {
        String what = "all";
        int seeds = 10;
        long seedBase = 1000;
        long hbSeed = 7;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "efficiency", "hyperband", "hyperband-seeds", "parallel", "all" -> what = args[i];
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--seed-base" -> seedBase = Long.parseLong(args[++i]);
                case "--hb-seed" -> hbSeed = Long.parseLong(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: BenchMain tune [efficiency|hyperband|hyperband-seeds|parallel|all]"
                            + " [--seeds N] [--seed-base B] [--hb-seed S] [--dir D]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "# Osprey tuning bench: Java %s, %d cores, load average %.2f at start%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        TuningBench bench = new TuningBench(seeds, seedBase, System.out);
        if (what.equals("efficiency") || what.equals("all")) {
            bench.efficiency();
        }
        TuningJobBench jobs = new TuningJobBench(dir, hbSeed, System.out);
        if (what.equals("hyperband") || what.equals("all")) {
            jobs.hyperband();
        }
        if (what.equals("hyperband-seeds")) {
            // not in "all": 10 seeds of 81 random trials take about 7 minutes
            jobs.hyperbandSeeds(seeds, hbSeed);
        }
        if (what.equals("parallel") || what.equals("all")) {
            jobs.parallel();
        }
    }

    // ---- sample efficiency -------------------------------------------------------------------

    /** A dataset as two in-memory matrices (70/30) and how XGBoost scores it. */
    record Matrices(String name, DMatrix train, DMatrix valid, String objective, String metric) {
    }

    void efficiency() throws Exception {
        List<Matrices> sets = List.of(classification(), friedman(), interactions());
        for (Matrices m : sets) {
            List<Integer> needed = new ArrayList<>();
            List<Double> randomBests = new ArrayList<>();
            int never = 0;
            long t0 = System.nanoTime();
            for (int s = 1; s <= seeds; s++) {
                TunerSettings base = TunerSettings.of(SearchSpace.parse(SPACE), Objective.minimize(m.metric())).withSeed(seedBase * s);
                TuningResult random = Tuner.run(base.withStrategy(Strategy.RANDOM).withBudget(Budget.trials(RANDOM_TRIALS)),
                        fit(m), JobContext.NONE, null);
                double target = random.best().orElseThrow().value().getAsDouble();
                randomBests.add(target);
                // another seed for the Bayesian run: with the same one its 10 random start-up trials would be
                // random search's first 10, and a best-of-50 found among them would be "reached" for free
                int n = trialsToReach(base.withSeed(seedBase * s + 500), m, target);
                if (n < 0) {
                    never++;
                    needed.add(BAYES_CAP + 1);
                } else {
                    needed.add(n);
                }
            }
            double minutes = (System.nanoTime() - t0) / 60e9;
            out.printf(Locale.ROOT, "tpe sample efficiency  dataset %s  seeds %d  ours bayes trials to reach random best-of-%d: median %.1f"
                            + " (min %d, max %s)  peer random %d trials  ratio(peer/ours) %.2f  %s random best median %.4f  goal <= 25  [%.1f min]%n",
                    m.name(), seeds, RANDOM_TRIALS, Stats.median(needed.stream().mapToDouble(Integer::doubleValue).toArray()),
                    needed.stream().mapToInt(Integer::intValue).min().orElse(0),
                    never > 0 ? ">" + BAYES_CAP + " (" + never + " seeds)" : Integer.toString(needed.stream().mapToInt(Integer::intValue).max().orElse(0)),
                    RANDOM_TRIALS, RANDOM_TRIALS / Stats.median(needed.stream().mapToDouble(Integer::doubleValue).toArray()),
                    m.metric(), Stats.median(randomBests.stream().mapToDouble(Double::doubleValue).toArray()), minutes);
            m.train().dispose();
            m.valid().dispose();
        }
    }

    /** The number of the first TPE trial whose value is at most {@code target} (1-based), or -1 within the cap. */
    private static int trialsToReach(TunerSettings base, Matrices m, double target) {
        AtomicBoolean reached = new AtomicBoolean();
        int[] count = {0};
        int[] at = {-1};
        TrialFunction f = fit(m);
        JobContext stopWhenReached = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void log(String line) {
            }

            @Override
            public boolean isCancelled() {
                return reached.get();
            }

            @Override
            public void onCancel(Runnable hook) {
            }
        };
        Tuner.run(base.withStrategy(Strategy.BAYES).withBudget(Budget.trials(BAYES_CAP)), (p, r) -> {
            double v = f.evaluate(p, r);
            count[0]++;
            if (v <= target && at[0] < 0) {
                at[0] = count[0];
                reached.set(true);
            }
            return v;
        }, stopWhenReached, null);
        return at[0];
    }

    /** One XGBoost fit of 40 rounds on one thread, scored on the validation matrix. */
    private static TrialFunction fit(Matrices m) {
        return (p, r) -> {
            Map<String, Object> params = new HashMap<>();
            params.put("tree_method", "hist");
            params.put("nthread", 1);
            params.put("objective", m.objective());
            params.put("eval_metric", m.metric());
            params.put("seed", 7);
            params.put("verbosity", 0);
            p.forEach((k, v) -> params.put(k, k.equals("max_depth") ? (Object) Integer.valueOf(v) : (Object) Double.valueOf(v)));
            Booster b = XGBoost.train(m.train(), params, 40, new HashMap<>(), null, null);
            try {
                String eval = b.evalSet(new DMatrix[] {m.valid()}, new String[] {"valid"}, 39);
                return Double.parseDouble(eval.substring(eval.lastIndexOf(':') + 1).strip());
            } finally {
                b.dispose();
            }
        };
    }

    private static Matrices classification() throws XGBoostError {
        TrainingData d = TrainingData.generate(3000, 8, 11);
        float[] y = new float[d.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.y()[i];
        }
        return split("binary-3000x8", d.x(), y, d.features(), "binary:logistic", "logloss");
    }

    /** Friedman #1: y = 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + N(0, 1), ten uniform features (five unused). */
    private static Matrices friedman() throws XGBoostError {
        SplittableRandom r = new SplittableRandom(12);
        int n = 3000;
        int f = 10;
        float[] x = new float[n * f];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                x[i * f + j] = (float) r.nextDouble();
            }
            int o = i * f;
            y[i] = (float) (10 * Math.sin(Math.PI * x[o] * x[o + 1]) + 20 * Math.pow(x[o + 2] - 0.5, 2) + 10 * x[o + 3]
                    + 5 * x[o + 4] + gaussian(r));
        }
        return split("friedman1-3000x10", x, y, f, "reg:squarederror", "rmse");
    }

    /** y = x0 x1 + sin(3 x2) + |x3| + 0.3 N(0, 1), six normal features (two unused). */
    private static Matrices interactions() throws XGBoostError {
        SplittableRandom r = new SplittableRandom(13);
        int n = 3000;
        int f = 6;
        float[] x = new float[n * f];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                x[i * f + j] = (float) gaussian(r);
            }
            int o = i * f;
            y[i] = (float) (x[o] * x[o + 1] + Math.sin(3 * x[o + 2]) + Math.abs(x[o + 3]) + 0.3 * gaussian(r));
        }
        return split("interactions-3000x6", x, y, f, "reg:squarederror", "rmse");
    }

    private static Matrices split(String name, float[] x, float[] y, int features, String objective, String metric)
            throws XGBoostError {
        int n = y.length;
        int cut = n * 7 / 10;
        DMatrix train = new DMatrix(java.util.Arrays.copyOfRange(x, 0, cut * features), cut, features, Float.NaN);
        train.setLabel(java.util.Arrays.copyOfRange(y, 0, cut));
        DMatrix valid = new DMatrix(java.util.Arrays.copyOfRange(x, cut * features, n * features), n - cut, features, Float.NaN);
        valid.setLabel(java.util.Arrays.copyOfRange(y, cut, n));
        return new Matrices(name, train, valid, objective, metric);
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-300, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
