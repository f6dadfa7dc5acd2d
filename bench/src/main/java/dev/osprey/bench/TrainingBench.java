package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.Metrics;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import dev.osprey.core.train.Validation;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import smile.model.cart.SplitRule;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.math.MathEx;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Training time, Osprey's job against the library it wraps, called directly on the same matrix:
 * <ul>
 *   <li>boosted trees: Osprey's {@code xgboost} job vs XGBoost4J ({@code hist}, all cores);</li>
 *   <li>boosted trees vs Smile's GradientTreeBoost: by default at the full size, on the same rows and
 *       against the same Osprey job as the XGBoost line (Smile takes minutes there); with a smaller
 *       {@code --smile-rows}, Osprey's xgboost job is re-timed at that size for the ratio;</li>
 *   <li>random forest: Osprey's {@code random_forest} job vs Smile's RandomForest.</li>
 * </ul>
 * Osprey's time is the whole job: reading the dataset from DuckDB, encoding, the 80/20 holdout
 * split, fitting, scoring the holdout, importance and saving the model as a run. The peer trains
 * on the first 80% of the rows and is scored on the last 20% (the rows are i.i.d., so both
 * holdouts measure the same thing). Each case prints two lines: the peer's fit alone on a matrix
 * already in memory ("train only"), and the peer reading the same CSV through DuckDB JDBC into
 * that matrix first ("load + train"), since Osprey's job also starts from the file. Quality is ROC AUC on the held-out rows. One untimed warm-up
 * of every path on smaller data first; then XGBoost is timed twice each side (ours, peer, peer,
 * ours) and the random forest three times (the order alternating each round), each side's fastest
 * run counting (the side timed first in a JVM otherwise pays for compilation the other finds
 * done), every run after a short pause; Smile's boosting, minutes long at 1M rows, once.
 */
final class TrainingBench {
    static final long SEED = 20261123L;

    record Sizes(int gbtRows, int smileRows, int rfRows, int features, int trees, int depth) {
        /** Smile's boosting at the same rows as XGBoost's (0 here: the {@code --rows} size, resolved in main). */
        static final Sizes FULL = new Sizes(1_000_000, 0, 100_000, 20, 100, 6);
        static final Sizes QUICK = new Sizes(3_000, 1_500, 1_500, 20, 10, 6);
    }

    private final Path dir;
    private final Sizes sizes;
    private final PrintStream out;
    private final int threads = Runtime.getRuntime().availableProcessors();

    TrainingBench(Path dir, Sizes sizes, PrintStream out) {
        this.dir = dir;
        this.sizes = sizes.smileRows() > 0 ? sizes
                : new Sizes(sizes.gbtRows(), sizes.gbtRows(), sizes.rfRows(), sizes.features(), sizes.trees(), sizes.depth());
        this.out = out;
    }

    /** {@code TrainingBench [--quick] [--smile-rows N] [--rows N] [--rf-rows N] [--dir D]}. */
    public static void main(String[] args) throws Exception {
        Sizes s = Sizes.FULL;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> s = Sizes.QUICK;
                case "--rows" -> s = new Sizes(Integer.parseInt(args[++i]), s.smileRows(), s.rfRows(), s.features(), s.trees(), s.depth());
                case "--smile-rows" -> s = new Sizes(s.gbtRows(), Integer.parseInt(args[++i]), s.rfRows(), s.features(), s.trees(), s.depth());
                case "--rf-rows" -> s = new Sizes(s.gbtRows(), s.smileRows(), Integer.parseInt(args[++i]), s.features(), s.trees(), s.depth());
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: TrainingBench [--quick] [--rows N]"
                            + " [--smile-rows N] [--rf-rows N] [--dir D]");
                    System.exit(2);
                }
            }
        }
        new TrainingBench(dir, s, System.out).run();
    }

    void run() throws Exception {
        Files.createDirectories(dir);
        Path ws = Files.createTempDirectory(dir, "train-ws-");
        try (Engine engine = Engine.create(ws)) {
            out.printf(Locale.ROOT, "# training bench: %d features, %d trees, depth %d, %d threads; generated data, seed %d%n",
                    sizes.features(), sizes.trees(), sizes.depth(), threads, SEED);
            out.println("# peer 'train only': fit on a float matrix already in memory; 'load + train': the same after"
                    + " reading the dataset's CSV with DuckDB JDBC into that matrix (getFloat), as a user of the library would");
            warmUp(engine);
            try (Case big = prepare(engine, TrainingData.generate(sizes.gbtRows(), sizes.features(), SEED), "gbt")) {
                Loaded loaded = load(big);
                // best of two for both sides, in the order ours, peer, peer, ours: the first timed fit
                // of a JVM still pays for JIT compilation and heap growth that the next one finds done
                Timed ours = settled(() -> ours(engine, big.dataset(), "xgboost", xgbOptions()));
                Timed peer = settled(() -> xgboostDirect(loaded.data(), sizes.trees()));
                peer = faster(peer, settled(() -> xgboostDirect(loaded.data(), sizes.trees())));
                ours = faster(ours, settled(() -> ours(engine, big.dataset(), "xgboost", xgbOptions())));
                lines("boosted-trees", big.data(), ours, "xgboost4j direct (hist)", peer, loaded.seconds());
                if (sizes.smileRows() == sizes.gbtRows()) {
                    // the issue states this goal at the full size: Smile on the same rows, against the same job
                    Timed smile = smileBoost(loaded.data(), sizes.trees());
                    lines("boosted-trees", big.data(), ours, "smile GradientTreeBoost", smile, loaded.seconds());
                }
            }
            if (sizes.smileRows() != sizes.gbtRows()) {
                try (Case mid = prepare(engine, TrainingData.generate(sizes.smileRows(), sizes.features(), SEED + 1), "gbt_smile")) {
                    Timed ours = ours(engine, mid.dataset(), "xgboost", xgbOptions());
                    Loaded loaded = load(mid);
                    Timed peer = smileBoost(loaded.data(), sizes.trees());
                    lines("boosted-trees", mid.data(), ours, "smile GradientTreeBoost", peer, loaded.seconds());
                }
            }
            try (Case forest = prepare(engine, TrainingData.generate(sizes.rfRows(), sizes.features(), SEED + 2), "forest")) {
                Map<String, String> options = Map.of("trees", Integer.toString(sizes.trees()));
                Loaded loaded = load(forest);
                // a forest's fit varies by ~10% from run to run (its trees are built on the common
                // fork-join pool); best of three for both sides, the order alternating each round
                Timed ours = null;
                Timed peer = null;
                for (int round = 0; round < 3; round++) {
                    for (int side = 0; side < 2; side++) {
                        if ((side == 0) == (round % 2 == 0)) {
                            Timed t = settled(() -> ours(engine, forest.dataset(), "random_forest", options));
                            ours = ours == null ? t : faster(ours, t);
                        } else {
                            Timed t = settled(() -> smileForest(loaded.data(), sizes.trees()));
                            peer = peer == null ? t : faster(peer, t);
                        }
                    }
                }
                lines("random-forest", forest.data(), ours, "smile RandomForest direct", peer, loaded.seconds());
            }
        } finally {
            ImportBench.deleteTree(ws);
        }
    }

    /** A generated dataset, imported into the workspace, and its CSV kept for the peer to read. */
    private record Case(TrainingData data, Dataset dataset, Path csv) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            Files.deleteIfExists(csv);
        }
    }

    private record Loaded(TrainingData data, double seconds) {
    }

    /** Two lines: the peer's fit alone, and the peer reading the file first. */
    private void lines(String what, TrainingData d, Timed ours, String peerName, Timed peer, double loadSeconds) {
        line(what, d, ours, peerName + " train only", peer);
        line(what, d, ours, peerName + " load + train", new Timed(loadSeconds + peer.seconds(), peer.auc()));
    }

    record Timed(double seconds, double auc) {
    }

    interface Run {
        Timed run() throws Exception;
    }

    /**
     * Runs {@code run} after a pause for the threads the run before left working (SQLite's and
     * DuckDB's, XGBoost's). No System.gc() first: it made both sides ~0.7 s slower on the forest
     * (the heap it shrank grows back during the timed fit), a constant that pulls every ratio to 1.
     */
    private static Timed settled(Run run) throws Exception {
        Thread.sleep(200);
        return run.run();
    }

    private static Timed faster(Timed a, Timed b) {
        return b.seconds() < a.seconds() ? b : a;
    }

    private void line(String what, TrainingData d, Timed ours, String peerName, Timed peer) {
        out.printf(Locale.ROOT, "%-13s size %,d x %d  ours %.2f s  peer %s %.2f s  ratio(peer/ours) %.2f"
                        + "  AUC ours %.4f / peer %.4f%n",
                what, d.rows(), d.features(), ours.seconds(), peerName, peer.seconds(), peer.seconds() / ours.seconds(),
                ours.auc(), peer.auc());
    }

    /**
     * Every path once on smaller data, so JIT compilation and native library loading are not timed.
     * Large enough (and enough trees) that Smile's tree code is compiled before either side is timed:
     * with 2,000 rows and 5 trees the forest's hot loops were still compiling during Osprey's timed
     * fit, which runs first, and the peer then found them compiled (~0.4 s of a 4.5 s fit).
     */
    private void warmUp(Engine engine) throws Exception {
        int rows = Math.min(20_000, Math.max(2_000, sizes.rfRows() / 5));
        try (Case small = prepare(engine, TrainingData.generate(rows, sizes.features(), SEED + 99), "warmup")) {
            ours(engine, small.dataset(), "xgboost", Map.of("rounds", "5"));
            ours(engine, small.dataset(), "random_forest", Map.of("trees", "20"));
            TrainingData d = load(small).data();
            xgboostDirect(d, 5);
            smileBoost(d, 5);
            smileForest(d, 20);
        }
    }

    private Case prepare(Engine engine, TrainingData d, String name) throws Exception {
        Path csv = dir.resolve("train-" + name + "-" + d.rows() + "x" + d.features() + ".csv");
        long t0 = System.nanoTime();
        d.writeCsv(csv);
        try {
            Dataset set = engine.datasets().importFile(new ImportRequest(csv, name, DataFormat.CSV, StorageMode.COPY),
                    JobContext.NONE);
            out.printf(Locale.ROOT, "# %s: %,d rows generated and imported in %.1f s (not timed)%n", name, set.rowCount(),
                    (System.nanoTime() - t0) / 1e9);
            return new Case(d, set, csv);
        } catch (Exception | Error e) {
            Files.deleteIfExists(csv);
            throw e;
        }
    }

    /**
     * The peer's load: the CSV read by DuckDB (same engine, same file text as Osprey's dataset) over
     * JDBC straight into a row-major float matrix and int labels, the simplest efficient way a user
     * of the library would. Checked against the generated matrix, so both sides train on the same numbers.
     */
    private Loaded load(Case c) throws Exception {
        int p = c.data().features();
        long t0 = System.nanoTime();
        int rows = 0;
        float[] x = new float[c.data().rows() * p];
        int[] y = new int[c.data().rows()];
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM read_csv('" + c.csv().toString().replace("'", "''") + "')")) {
            while (rs.next()) {
                int o = rows * p;
                for (int j = 0; j < p; j++) {
                    x[o + j] = rs.getFloat(j + 1);
                }
                y[rows++] = rs.getInt(p + 1);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        TrainingData loaded = new TrainingData(rows, p, x, y);
        if (!java.util.Arrays.equals(loaded.x(), c.data().x()) || !java.util.Arrays.equals(loaded.y(), c.data().y())) {
            throw new IllegalStateException("the CSV read back differs from the generated matrix");
        }
        return new Loaded(loaded, seconds);
    }

    private Map<String, String> xgbOptions() {
        return Map.of("rounds", Integer.toString(sizes.trees()), "max_depth", Integer.toString(sizes.depth()));
    }

    private Timed ours(Engine engine, Dataset d, String algorithm, Map<String, String> options) throws Exception {
        TrainingRequest request = TrainingRequest.of(d.id(), "label", algorithm).withOptions(options)
                .withValidation(new Validation.Holdout(0.2, SEED));
        PhaseClock clock = new PhaseClock();
        long t0 = System.nanoTime();
        TrainingResult r = engine.training().train(request, clock, clock);
        long t1 = System.nanoTime();
        if (d.rowCount() >= 10_000) {
            out.println("# ours " + algorithm + " " + d.name() + ": " + clock.summary(t1));
        }
        return new Timed((t1 - t0) / 1e9, r.metrics().getOrDefault("roc_auc", Double.NaN));
    }

    private int trainRows(TrainingData d) {
        return (int) Math.round(d.rows() * 0.8);
    }

    /** What a user of XGBoost4J writes: a DMatrix from the float matrix, train, predict. Timed: matrix + train. */
    private Timed xgboostDirect(TrainingData d, int rounds) throws Exception {
        int n = trainRows(d);
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = d.y()[i];
        }
        Map<String, Object> params = new HashMap<>();
        params.put("tree_method", "hist");
        params.put("nthread", threads);
        params.put("max_depth", sizes.depth());
        params.put("eta", 0.3);
        params.put("objective", "binary:logistic");
        params.put("seed", SEED);
        params.put("verbosity", 0);
        long t0 = System.nanoTime();
        DMatrix train = new DMatrix(d.rows(0, n), n, d.features(), Float.NaN);
        train.setLabel(labels);
        Booster booster = XGBoost.train(train, params, rounds, new HashMap<>(), null, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        DMatrix test = new DMatrix(d.rows(n, d.rows()), d.rows() - n, d.features(), Float.NaN);
        float[][] p = booster.predict(test);
        double[][] probs = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            probs[i] = new double[] {1 - p[i][0], p[i][0]};
        }
        double auc = auc(d, n, probs);
        booster.dispose();
        train.dispose();
        test.dispose();
        return new Timed(seconds, auc);
    }

    /** Same shape as XGBoost: trees of depth 6 (at most 2^6 leaves), shrinkage 0.3, all rows per tree. */
    private Timed smileBoost(TrainingData d, int trees) {
        int n = trainRows(d);
        MathEx.setSeed(SEED);
        long t0 = System.nanoTime();
        DataFrame df = frame(d, 0, n);
        GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs("y"), df,
                new GradientTreeBoost.Options(trees, sizes.depth(), 1 << sizes.depth(), 5, 0.3, 1.0, null, null));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Timed(seconds, smileAuc(model, d, n));
    }

    /** Osprey's random_forest defaults: depth 20, 1000 nodes, node size 5, mtry sqrt(p), all rows. */
    private Timed smileForest(TrainingData d, int trees) {
        int n = trainRows(d);
        MathEx.setSeed(SEED);
        long[] seeds = new long[trees];
        Random r = new Random(SEED);
        for (int i = 0; i < trees; i++) {
            seeds[i] = r.nextLong();
        }
        long t0 = System.nanoTime();
        DataFrame df = frame(d, 0, n);
        RandomForest model = RandomForest.fit(Formula.lhs("y"), df, new RandomForest.Options(trees,
                (int) Math.floor(Math.sqrt(d.features())), SplitRule.GINI, 20, 1000, 5, 1.0, null, seeds, null));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Timed(seconds, smileAuc(model, d, n));
    }

    private static DataFrame frame(TrainingData d, int from, int to) {
        ValueVector[] cols = new ValueVector[d.features() + 1];
        for (int j = 0; j < d.features(); j++) {
            double[] col = new double[to - from];
            for (int i = from; i < to; i++) {
                col[i - from] = d.at(i, j);
            }
            cols[j] = ValueVector.of("f" + j, col);
        }
        int[] y = new int[to - from];
        System.arraycopy(d.y(), from, y, 0, y.length);
        cols[d.features()] = ValueVector.of("y", y);
        return new DataFrame(cols);
    }

    private static double smileAuc(DataFrameClassifier model, TrainingData d, int from) {
        DataFrame test = frame(d, from, d.rows()).drop("y");
        double[][] probs = new double[d.rows() - from][2];
        int[] classes = model.classes();
        for (int i = 0; i < probs.length; i++) {
            Tuple t = test.get(i);
            double[] post = new double[classes.length];
            model.predict(t, post);
            for (int c = 0; c < classes.length; c++) {
                probs[i][classes[c]] = post[c];
            }
        }
        return auc(d, from, probs);
    }

    /** Osprey's own metric code, so both sides are scored the same way. */
    private static double auc(TrainingData d, int from, double[][] probs) {
        int[] actual = new int[probs.length];
        System.arraycopy(d.y(), from, actual, 0, actual.length);
        return Metrics.classification(actual, probs, List.of("0", "1")).rocAuc();
    }
}
