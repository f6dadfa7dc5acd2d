package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.tune.AshaSettings;
import dev.osprey.core.tune.Budget;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.SearchSpace;
import dev.osprey.core.tune.Strategy;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TrialState;
import dev.osprey.core.tune.TuningEvent;
import dev.osprey.core.tune.TuningResult;
import dev.osprey.core.tune.TuningSpec;
import ml.dmlc.xgboost4j.java.XGBoost;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tuning figures taken through the product's own path ({@code engine.tuning()}, a workspace,
 * a dataset, runs recorded): Hyperband/ASHA against random search to random's best, and the
 * throughput of parallel trials. Split from {@link TuningBench}, which keeps the sample-efficiency
 * figure on in-memory matrices and the command line.
 */
final class TuningJobBench {
    private final Path dir;
    private final long hbSeed;
    private final PrintStream out;

    TuningJobBench(Path dir, long hbSeed, PrintStream out) {
        this.dir = dir;
        this.hbSeed = hbSeed;
        this.out = out;
    }

    // ---- the product path: Hyperband vs random, parallel trials ------------------------------------

    /** A fresh workspace with one generated binary dataset of {@code rows} x 20. */
    private Dataset workspace(Engine engine, int rows) throws Exception {
        TrainingData d = TrainingData.generate(rows, 20, 21);
        Path csv = dir.resolve("tune-" + rows + "x20.csv");
        d.writeCsv(csv);
        try {
            return engine.datasets().importFile(new ImportRequest(csv, "tune" + rows, DataFormat.CSV, StorageMode.COPY),
                    JobContext.NONE);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static Path freshDir(Path parent, String name) throws Exception {
        Path ws = parent.resolve(name + "-" + System.nanoTime());
        Files.createDirectories(ws.getParent());
        return ws;
    }

    /** Best-so-far of a job over wall-clock seconds since its start, its trials and the process CPU time it took. */
    private record Timeline(List<double[]> points, double total, TuningResult result, double cpu) {
        /** Seconds until the best first was at most {@code target}; NaN if never. */
        double reach(double target) {
            return reach(target, 0);
        }

        /** Process CPU seconds until the best first was at most {@code target}: less noisy than wall-clock on a loaded machine. */
        double reachCpu(double target) {
            return reach(target, 2);
        }

        private double reach(double target, int column) {
            for (double[] p : points) {
                if (p[1] <= target) {
                    return p[column];
                }
            }
            return Double.NaN;
        }

        double best() {
            return points.isEmpty() ? Double.NaN : points.getLast()[1];
        }

        /** Trials by state and the steps they ran, e.g. "27 trials: 5 complete, 22 pruned; 1,010 rounds". */
        String summary() {
            long steps = result.trials().stream().mapToLong(Trial::lastStep).sum();
            return String.format(Locale.ROOT, "%d complete, %d pruned, %,d rounds, cpu %.1f s", result.count(TrialState.COMPLETE),
                    result.count(TrialState.PRUNED), steps, cpu);
        }
    }

    private static double cpuSeconds() {
        return Stats.processCpuNanos() / 1e9;
    }

    private static Timeline timed(Engine engine, TuningSpec spec) throws Exception {
        List<double[]> points = new java.util.concurrent.CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        double c0 = cpuSeconds();
        TuningResult result = engine.tuning().run(spec, JobContext.NONE, e -> {
            if (e instanceof TuningEvent.BestChanged b) {
                points.add(new double[] {(System.nanoTime() - t0) / 1e9, b.best().value().getAsDouble(), cpuSeconds() - c0});
            }
        });
        return new Timeline(points, (System.nanoTime() - t0) / 1e9, result, cpuSeconds() - c0);
    }

    /** Median seconds of {@code n} single trainings of the template with {@code rounds}: a trial's fixed cost at 1 round. */
    private static double trainSeconds(Engine engine, TrainingRequest template, int rounds, int n) throws Exception {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            Map<String, String> options = new HashMap<>(template.options());
            options.put("rounds", Integer.toString(rounds));
            long t0 = System.nanoTime();
            engine.training().train(template.withOptions(options), JobContext.NONE);
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        return Stats.median(t);
    }

    /** The Hyperband figures' search: xgboost, 120 rounds, four parameters, log loss. */
    private static TuningSpec hyperbandSpec(Dataset set) {
        TrainingRequest template = TrainingRequest.of(set.id(), "label", "xgboost").withOptions(Map.of("rounds", "120"));
        return TuningSpec.of(template, SearchSpace.parse("max_depth=int(2,10);eta=log(0.005,0.3);"
                + "min_child_weight=log(0.5,50);subsample=float(0.5,1)")).withObjective(Objective.minimize("log_loss"));
    }

    /**
     * What every trial pays whatever a pruner saves, inside a tuning job (which keeps the prepared
     * data and XGBoost's matrices for its trials): a random job of 40 one-round trials.
     */
    private static Timeline oneRoundTrials(Engine engine, TuningSpec spec) throws Exception {
        Map<String, String> oneRound = new HashMap<>(spec.template().options());
        oneRound.put("rounds", "1");
        return timed(engine, spec.withTemplate(spec.template().withOptions(oneRound)).withStrategy(Strategy.RANDOM)
                .withBudget(Budget.trials(40)));
    }

    /** Seconds of each one-round trial, the first 5 (warming up) left out. */
    private static double[] fixedCosts(Timeline ones) {
        return ones.result().trials().stream().skip(5).mapToDouble(x -> x.elapsed().toNanos() / 1e9).toArray();
    }

    void hyperband() throws Exception {
        int rows = 10_000;
        int trials = 27;
        try (Engine engine = Engine.create(freshDir(dir, "tune-hb"))) {
            Dataset set = workspace(engine, rows);
            TuningSpec spec = hyperbandSpec(set).withBudget(Budget.trials(trials)).withSeed(hbSeed);
            TrainingRequest template = spec.template();
            // what pruning cannot save: a trial's cost at 1 round (read, prepare, record, save) against the full 120
            trainSeconds(engine, template, 1, 1);
            double fixed = trainSeconds(engine, template, 1, 5);
            double full = trainSeconds(engine, template, 120, 3);
            out.printf(Locale.ROOT, "# one trial through the product path: 1 round %.3f s, 120 rounds %.3f s (median)%n", fixed, full);
            Timeline ones = oneRoundTrials(engine, spec);
            double[] each = fixedCosts(ones);
            out.printf(Locale.ROOT, "# a trial's fixed cost inside a tuning job (1-round trials, the first 5 skipped): median %.1f ms,"
                    + " whole job %.1f ms and cpu %.1f ms per trial%n", Stats.median(each) * 1000, ones.total() * 1000 / 40,
                    ones.cpu() * 1000 / 40);
            Timeline random = timed(engine, spec.withStrategy(Strategy.RANDOM));
            double target = random.best() * 1.005;
            double tr = random.reach(target);
            Trial randomBest = random.result().best().orElseThrow();
            out.printf(Locale.ROOT, "# random: %s; best trial #%d %s log_loss %.4f%n", random.summary(), randomBest.number(),
                    randomBest.params(), randomBest.value().getAsDouble());
            // the product's default (ASHA, one cut at round 4, trials pause at it), Hyperband's three brackets of one cut
            // each (at 4, 12 and 36 rounds, a third of the trials each), the default before session 5 (rungs at 13 and 39)
            // and the textbook rungs from a 27th (4, 12, 36, 108); -Dosprey.bench.asha=min,max,reduction,brackets,rungs;...
            // adds variants
            AshaSettings asha = AshaSettings.forResource(120);
            List<AshaSettings> variants = new ArrayList<>(List.of(asha,
                    new AshaSettings(asha.minResource(), asha.maxResource(), asha.reduction(), 3, asha.maxRungs()),
                    new AshaSettings(13, 120, 3, 1), new AshaSettings(4, 120, 3, 1)));
            for (String v : System.getProperty("osprey.bench.asha", "").split(";")) {
                if (!v.isBlank()) {
                    int[] f = java.util.Arrays.stream(v.split(",")).mapToInt(x -> Integer.parseInt(x.strip())).toArray();
                    variants.add(new AshaSettings(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : Integer.MAX_VALUE));
                }
            }
            out.println(AshaReplay.of(engine, random.result(), target, Stats.median(each), asha));
            for (AshaSettings a : variants) {
                Timeline t = timed(engine, spec.withStrategy(Strategy.HYPERBAND).withAsha(a));
                double ta = t.reach(target);
                String name = (a.brackets() == 1 ? "asha" : "hyperband " + a.brackets() + " brackets")
                        + String.format(Locale.ROOT, " (rungs %s, reduction %d)", a.rungs(0), a.reduction());
                Trial same = t.result().trials().stream().filter(x -> x.number() == randomBest.number()).findFirst().orElseThrow();
                out.printf(Locale.ROOT, "%s vs random  xgboost 120 rounds  %,d x 20  %d trials each  target log_loss %.4f (random best +0.5%%)"
                                + "  ours %s (job %.1f s, best %.4f)  peer random %.1f s (job %.1f s)  ratio(peer/ours) %s  goal >= 3%n",
                        name, rows, trials, target, Double.isNaN(ta) ? "never" : String.format(Locale.ROOT, "%.1f s", ta), t.total(),
                        t.best(), tr, random.total(), Double.isNaN(ta) ? "n/a" : String.format(Locale.ROOT, "%.2f", tr / ta));
                out.printf(Locale.ROOT, "%s vs random  whole job: ours %.1f s  peer %.1f s  ratio(peer/ours) %.2f  # ours %s; random's best"
                                + " trial #%d here: %s at round %d; cpu to target ours %.1f s peer %.1f s ratio %.2f%n",
                        name, t.total(), random.total(), random.total() / t.total(), t.summary(), same.number(), same.state(),
                        same.lastStep(), t.reachCpu(target), random.reachCpu(target), random.reachCpu(target) / t.reachCpu(target));
            }
        }
    }

    /**
     * The Hyperband figure over many seeds instead of one: for each seed, 81 random trials through
     * the product path (their curves recorded), the product's Hyperband (its defaults) measured on
     * the first 27 of them (same seed, so the same configurations), and replays ({@link AshaReplay})
     * of rules at 27 and 81 trials: the product's, pause and resume with two rungs, ASHA and
     * Hyperband as stopping rules (Ray Tune's and Optuna's kind, and the product's before session 5),
     * the textbook minimum resource (a rung at round 1, then 3, 9, 27, 81) and the bound of the
     * product's cut. One seed says little: where random's best happens to come in the sequence sets most of
     * the ratio, so the medians over seeds are the figure.
     */
    void hyperbandSeeds(int seeds, long seedBase) throws Exception {
        int rows = 10_000;
        int most = 81;
        int[] sizes = {27, most};
        try (Engine engine = Engine.create(freshDir(dir, "tune-hb-seeds"))) {
            Dataset set = workspace(engine, rows);
            TuningSpec spec = hyperbandSpec(set);
            double fixed = Stats.median(fixedCosts(oneRoundTrials(engine, spec)));
            AshaSettings asha = AshaSettings.forResource(120);
            AshaSettings twoRungs = new AshaSettings(13, 120, 3, 1);
            AshaSettings textbook = new AshaSettings(1, 120, 3, 1);
            // "stopping" is the rule of Ray Tune's and Optuna's ASHA, and the product's (rungs 13, 39) before session 5
            String[] rules = {"product asha, one cut at round " + asha.minResource() + ", pause and resume (measured)",
                    "product asha (replay)", "pause and resume, rungs 13, 39 (replay)", "stopping, rungs 13, 39 (replay)",
                    "stopping hyperband 3 brackets from 13 (replay)", "textbook rungs 1, 3, 9, 27, 81, stopping (replay)",
                    "textbook rungs, pause and resume (replay)", "bound, every trial before random's best stopped at round "
                    + asha.minResource() + " (replay)"};
            // ratio[size][rule][seed]; NaN when the rule never reached random's best
            double[][][] ratio = new double[sizes.length][rules.length][seeds];
            out.printf(Locale.ROOT, "# hyperband over seeds: xgboost 120 rounds, %,d x 20, target random's best + 0.5%%, a trial's fixed cost"
                    + " %.1f ms; per seed: random's best trial, then ratio(random/rule) per rule in the order of the summary below%n", rows,
                    fixed * 1000);
            for (int k = 0; k < seeds; k++) {
                long seed = seedBase + k;
                Timeline random = timed(engine, spec.withStrategy(Strategy.RANDOM).withBudget(Budget.trials(most)).withSeed(seed));
                StringBuilder why = new StringBuilder();
                AshaReplay replay = AshaReplay.record(engine, random.result(), fixed, 120, why).orElseThrow(
                        () -> new IllegalStateException("seed " + seed + ": " + why));
                Timeline measured = timed(engine, spec.withStrategy(Strategy.HYPERBAND).withSeed(seed)
                        .withBudget(Budget.trials(sizes[0])));
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "seed %d", seed));
                for (int z = 0; z < sizes.length; z++) {
                    int n = sizes[z];
                    double target = replay.best(n) * 1.005;
                    double r = replay.random(n, target);
                    double[] times = {Double.NaN, replay.promoting(n, asha, target), replay.promoting(n, twoRungs, target),
                            replay.stopping(n, twoRungs, target), replay.stopping(n, new AshaSettings(13, 120, 3, 3), target),
                            replay.stopping(n, textbook, target), replay.promoting(n, textbook, target),
                            replay.bound(n, asha.minResource(), target)};
                    if (n == sizes[0]) {
                        // wall-clock: random's first 27 trials are the 27-trial job's, so its timeline tells when that job reaches the target
                        ratio[z][0][k] = random.reach(target) / measured.reach(target);
                    } else {
                        ratio[z][0][k] = Double.NaN;
                    }
                    line.append(String.format(Locale.ROOT, "  |  %d trials: best #%d", n, replay.firstReaching(n, target)));
                    for (int q = 0; q < rules.length; q++) {
                        if (q > 0) {
                            ratio[z][q][k] = r / times[q];
                        }
                        line.append(' ').append(Double.isNaN(ratio[z][q][k]) ? (q == 0 && n != sizes[0] ? "-" : "never")
                                : String.format(Locale.ROOT, "%.2f", ratio[z][q][k]));
                    }
                }
                out.println(line);
                out.flush();
            }
            for (int z = 0; z < sizes.length; z++) {
                for (int q = 0; q < rules.length; q++) {
                    if (q == 0 && z > 0) {
                        continue;
                    }
                    double[] v = ratio[z][q].clone();
                    long never = java.util.Arrays.stream(v).filter(Double::isNaN).count();
                    // a rule that never reached the target counts as ratio 0 in the median: it did not get there at all
                    double[] counted = java.util.Arrays.stream(v).map(x -> Double.isNaN(x) ? 0 : x).toArray();
                    out.printf(Locale.ROOT, "%s vs random  xgboost 120 rounds  %,d x 20  %d trials each  %d seeds from %d  median ratio(random/rule) %.2f"
                                    + "  (min %.2f, max %.2f, never reached %d)  goal >= 3%n", rules[q], rows, sizes[z], seeds, seedBase,
                            Stats.median(counted), java.util.Arrays.stream(counted).min().orElse(0),
                            java.util.Arrays.stream(counted).max().orElse(0), never);
                }
            }
        }
    }

    /**
     * Two figures: the scheduler's scaling (2 workers against 1, every trial on one thread, so the
     * only difference is how many trials run at once) and what a user gets from the defaults (2
     * workers of one thread each against 1 worker whose trial has every core); 2 workers of every
     * core each shows why the default does not give each trial every core. Each setting runs
     * {@code repeats} times, the settings in turn (the median job counts), after a warm-up job, so
     * neither the JIT nor a burst of load falls on one setting only.
     */
    void parallel() throws Exception {
        int rows = 20_000;
        // 40, not 20: a job's last trial runs alone once no trial is left to start (0.47 s of a
        // 2.9 s job of 20 trials, its longest trial here), a drain that is the batch's length, not
        // the scheduler's throughput; twice the trials halve its share
        int trials = 40;
        int repeats = 3;
        try (Engine engine = Engine.create(freshDir(dir, "tune-par"))) {
            Dataset set = workspace(engine, rows);
            TrainingRequest template = TrainingRequest.of(set.id(), "label", "xgboost").withOptions(Map.of("rounds", "60"));
            TuningSpec spec = TuningSpec.of(template, SearchSpace.parse("max_depth=int(3,8);eta=log(0.05,0.3)"))
                    .withStrategy(Strategy.RANDOM).withBudget(Budget.trials(trials)).withSeed(3);
            int cores = Runtime.getRuntime().availableProcessors();
            timed(engine, spec.withParallelism(2).withBudget(Budget.trials(6)));
            // workers x threads per trial; 0 threads = the product's default, cores / workers
            int[][] settings = {{1, 1}, {2, 1}, {1, 0}, {2, cores}};
            double[][] wall = new double[settings.length][repeats];
            double[][] cpu = new double[settings.length][repeats];
            for (int r = 0; r < repeats; r++) {
                for (int k = 0; k < settings.length; k++) {
                    Timeline t = timed(engine, spec.withParallelism(settings[k][0]).withThreadsPerTrial(settings[k][1]));
                    wall[k][r] = t.total();
                    cpu[k][r] = t.cpu();
                }
            }
            double[] w = new double[settings.length];
            StringBuilder detail = new StringBuilder();
            for (int k = 0; k < settings.length; k++) {
                w[k] = Stats.median(wall[k]);
                int threads = spec.withParallelism(settings[k][0]).withThreadsPerTrial(settings[k][1]).threadsPerTrial(cores);
                detail.append(String.format(Locale.ROOT, "; %d worker(s) x %d thread(s)%s: %.1f trials/min, jobs %s s, cores busy %.2f",
                        settings[k][0], threads, settings[k][1] == 0 ? " (default)" : "", trials * 60 / w[k],
                        java.util.Arrays.toString(java.util.Arrays.stream(wall[k]).map(x -> Math.round(x * 10) / 10.0).toArray()),
                        Stats.median(cpu[k]) / w[k]));
            }
            out.printf(Locale.ROOT, "parallel trials, scheduler scaling (1 thread per trial in both)  xgboost 60 rounds  %,d x 20  %d trials"
                            + "  ours 2 workers %.1f s (%.1f trials/min)  peer 1 worker %.1f s (%.1f trials/min)  ratio(ours/peer throughput) %.2f"
                            + "  goal >= 1.7  (median of %d jobs each)%n", rows, trials, w[1], trials * 60 / w[1], w[0], trials * 60 / w[0],
                    w[0] / w[1], repeats);
            out.printf(Locale.ROOT, "parallel trials, defaults (2 workers x %d thread vs 1 worker x %d threads)  ours %.1f s (%.1f trials/min)"
                            + "  peer %.1f s (%.1f trials/min)  ratio(ours/peer throughput) %.2f%n", spec.withParallelism(2).threadsPerTrial(cores),
                    spec.threadsPerTrial(cores), w[1], trials * 60 / w[1], w[2], trials * 60 / w[2], w[2] / w[1]);
            out.printf(Locale.ROOT, "# parallel: %d cores%s%n", cores, detail);
        }
    }
}
