package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.deploy.BatchRequest;
import dev.osprey.core.deploy.BatchSummary;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code BenchMain batch [--rows N] [--xgb-peer-rows N] [--algorithms A,B] [--dir D]}: batch transform of a CSV of N rows (default
 * 1,000,000) of the exam-score inputs through a registered model, against the same model's
 * in-process predict in a loop over the same rows already in memory as numbers (the floor: no
 * reading, parsing or writing). Goal: ours >= 0.7x the loop's rows/s. Also checks that the
 * output holds every row and that its first prediction equals the loop's. Three untimed warm-ups of
 * each side, then five alternating timed rounds; medians, with the transform's process CPU and GC.
 */
public final class BatchBench {
    /** Untimed runs of each side first: the transform's code paths (parser, formatter, writer) need a few to be compiled. */
    private static final int WARMUPS = 3;
    private static final int ROUNDS = 5;
    private final Path dir;
    private final int rows;
    private final int xgbPeerRows;
    private final List<String> algorithms;
    private final PrintStream out;

    BatchBench(Path dir, int rows, int xgbPeerRows, List<String> algorithms, PrintStream out) {
        this.dir = dir;
        this.rows = rows;
        this.xgbPeerRows = xgbPeerRows;
        this.algorithms = algorithms;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int xgbPeerRows = 10_000;
        List<String> algorithms = List.of("linear_regression", "xgboost");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--xgb-peer-rows" -> xgbPeerRows = Integer.parseInt(args[++i]);
                case "--algorithms" -> algorithms = List.of(args[++i].split(","));
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: BenchMain batch [--rows N] [--xgb-peer-rows N]"
                            + " [--algorithms linear_regression,xgboost] [--dir D]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# Osprey batch bench: Java %s, %d cores, max heap %d MB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        new BatchBench(dir, rows, xgbPeerRows, algorithms, System.out).run();
    }

    void run() throws Exception {
        Path ws = dir.resolve("batch-ws");
        deleteTree(ws);
        Files.createDirectories(dir);
        Path input = dir.resolve("batch-" + rows + ".csv");
        double[][] values = writeInput(input);
        try (Engine engine = Engine.open(SampleWorkspace.ensure(ws))) {
            Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            for (String algo : algorithms) {
                TrainingRequest req = TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, algo);
                if (algo.equals("xgboost")) {
                    req = req.withOptions(Map.of("rounds", "200", "eta", "0.1", "max_depth", "4"));
                }
                TrainingResult r = engine.training().train(req, JobContext.NONE);
                ModelVersion v = engine.registry().register(r.runId(), "bench-" + algo.replace('_', '-'));
                TrainedModel model = engine.registry().load(v.name(), v.version());
                compare(engine, v, model, input, values);
            }
        }
    }

    private void compare(Engine engine, ModelVersion v, TrainedModel model, Path input, double[][] values) throws Exception {
        Path output = dir.resolve("batch-out-" + v.name() + ".csv");
        // The peer: a real per-row predict loop over rows already in memory as numbers. XGBoost's per-row predict
        // builds one native matrix per row (~0.1-1 ms), so its loop runs over the first peerRows rows and is scaled.
        int peerRows = model.algorithm().equals("xgboost") ? Math.min(rows, xgbPeerRows) : rows;
        // Untimed warm-ups of each side, then timed rounds each, alternating; medians.
        double[] ours = new double[ROUNDS];
        double[] peer = new double[ROUNDS];
        double[] oursCpu = new double[ROUNDS];
        long gcCount = 0;
        long gcMillis = 0;
        BatchSummary s = null;
        double sum = 0;
        for (int round = -WARMUPS; round < ROUNDS; round++) {
            long c0 = Stats.processCpuNanos();
            long g0 = gcCount();
            long gm0 = gcMillis();
            long t0 = System.nanoTime();
            s = engine.batch().run(new BatchRequest(v.name(), v.version(), input, output, false), JobContext.NONE);
            double o = (System.nanoTime() - t0) / 1e9;
            if (round >= 0) {
                oursCpu[round] = (Stats.processCpuNanos() - c0) / 1e9;
                gcCount += gcCount() - g0;
                gcMillis += gcMillis() - gm0;
            }
            long p0 = System.nanoTime();
            sum = peerLoop(model, values, peerRows);
            double p = (System.nanoTime() - p0) / 1e9 * rows / peerRows;
            if (round >= 0) {
                ours[round] = o;
                peer[round] = p;
            }
        }
        double o = Stats.median(ours);
        double p = Stats.median(peer);
        double first = Double.parseDouble(Files.lines(output).skip(1).findFirst().orElseThrow());
        double expected = model.predict(values[0][0], values[0][1], values[0][2]).value();
        out.printf(Locale.ROOT, "batch-transform %-17s size %,d rows  ours %.3f s (%,.0f rows/s, %d cores)  peer predict loop"
                        + " in memory %.3f s (%,.0f rows/s%s)  ratio(ours/peer rows/s) %.2f  goal >= 0.7  check rows %,d/%,d"
                        + " rejected %d first %s (sum %.1f)%n",
                algoOf(v), rows, o, rows / o, Runtime.getRuntime().availableProcessors(), p, rows / p,
                peerRows < rows ? String.format(Locale.ROOT, ", timed on %,d rows and scaled", peerRows) : "",
                p / o, s.rowsScored(), rows, s.rowsRejected(), first == expected ? "equal" : "DIFFERS", sum);
        out.printf(Locale.ROOT, "# rounds ours %s s, peer %s s%n", Arrays.toString(round3(ours)), Arrays.toString(round3(peer)));
        long differ = textDiffers(output, model, values);
        out.printf(Locale.ROOT, "# output text: %s%n", differ == 0
                ? "every line equals Double.toString of the model's prediction for its row"
                : differ + " lines DIFFER from Double.toString of the model's prediction");
        out.printf(Locale.ROOT, "# ours per round: process cpu %s s (median %.3f s = %.2f cores busy), gc %d collections %d ms"
                        + " in %d rounds; input %.1f MB, output %.1f MB%n", Arrays.toString(round3(oursCpu)), Stats.median(oursCpu),
                Stats.median(oursCpu) / o, gcCount, gcMillis, ROUNDS, Files.size(input) / 1e6, Files.size(output) / 1e6);
        long b0 = System.nanoTime();
        batchFloor(model, values);
        double floor = (System.nanoTime() - b0) / 1e9;
        out.printf(Locale.ROOT, "# context, not the goal's peer: the same rows scored in memory through the model's batch path"
                + " (encode + predictEncoded per 50,000 rows, one thread, no file) %.3f s (%,.0f rows/s)%n", floor, rows / floor);
    }

    private static double batchFloor(TrainedModel model, double[][] values) {
        double sum = 0;
        int chunk = 50_000;
        for (int from = 0; from < values.length; from += chunk) {
            for (var p : model.predictEncoded(encodeChunk(model, values, from, chunk))) {
                sum += p.value();
            }
        }
        return sum;
    }

    /** Rows {@code from} to {@code from + chunk} (or the end), encoded as the model's batch path takes them. */
    private static double[][] encodeChunk(TrainedModel model, double[][] values, int from, int chunk) {
        int n = Math.min(chunk, values.length - from);
        double[][] encoded = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] x = values[from + i];
            encoded[i] = model.encode(x[0], x[1], x[2]);
        }
        return encoded;
    }

    /** {@code TrainedModel.predict(row)} for each of the first {@code n} rows; returns the sum so nothing is optimised away. */
    private static double peerLoop(TrainedModel model, double[][] values, int n) {
        Object[] row = new Object[3];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] x = values[i];
            row[0] = x[0];
            row[1] = x[1];
            row[2] = x[2];
            sum += model.predict(row).value();
        }
        return sum;
    }

    /** The output lines (after the header) that are not Double.toString of the model's batch prediction for their row. */
    private static long textDiffers(Path output, TrainedModel model, double[][] values) throws IOException {
        long differ = 0;
        try (var lines = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            lines.readLine();
            int chunk = 50_000;
            for (int from = 0; from < values.length; from += chunk) {
                for (var p : model.predictEncoded(encodeChunk(model, values, from, chunk))) {
                    if (!Double.toString(p.value()).equals(lines.readLine())) {
                        differ++;
                    }
                }
            }
            if (lines.readLine() != null) {
                differ++;
            }
        }
        return differ;
    }

    private static double[] round3(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }

    private static long gcCount() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String algoOf(ModelVersion v) {
        return v.name().substring("bench-".length());
    }

    /** The input file and the same rows as numbers (for the peer). */
    private double[][] writeInput(Path input) throws IOException {
        Random r = new Random(7);
        double[][] values = new double[rows][];
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            w.write("years_it_experience,years_aws_experience,hours_of_study\n");
            for (int i = 0; i < rows; i++) {
                int it = r.nextInt(16);
                int aws = r.nextInt(Math.max(1, it / 2 + 1));
                int hours = 5 + r.nextInt(60);
                values[i] = new double[]{it, aws, hours};
                w.write(it + "," + aws + "," + hours + "\n");
            }
        }
        return values;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var files = Files.walk(p)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
