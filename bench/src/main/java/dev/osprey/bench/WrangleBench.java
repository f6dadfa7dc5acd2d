package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.wrangle.ApplyResult;
import dev.osprey.core.wrangle.Condition;
import dev.osprey.core.wrangle.FittedRecipe;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.RecipeEditor;
import dev.osprey.core.wrangle.Step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code BenchMain wrangle [--rows N] [--repeats N] [--dir D]}: a 10-step recipe applied to the grid's
 * generated N-row x 20-column CSV (10,000,000 by default), written to Parquet through
 * {@code RecipeService.applyToFile}, against the same SQL (the recipe's {@code toSql} export, fitted
 * constants inlined) typed into one DuckDB session and written by DuckDB's own COPY. Both are warmed once,
 * then timed {@code repeats} times, the order alternating each repeat; medians. Also: fitting time, and the preview time per
 * edit in the recipe editor (the < 200 ms goal). Output rows are compared: speed bought with lost rows is no win.
 */
final class WrangleBench {
    private WrangleBench() {
    }

    static Recipe tenSteps() {
        return Recipe.of(
                new Step.FillMissing("age", Step.FillMethod.MEAN, null),
                new Step.FillMissing("ratio", Step.FillMethod.MEDIAN, null),
                new Step.Filter(new Condition.And(List.of(new Condition.Compare("income", Condition.Op.GT, "20000"),
                        new Condition.Compare("segment", Condition.Op.NE, "public")))),
                new Step.ComputedColumn("income_per_year", "income / age"),
                new Step.Standardize("score"),
                new Step.MinMaxScale("income_2"),
                new Step.OneHotEncode("segment", true),
                new Step.ClipOutliers("score_2", Step.ClipMethod.QUANTILE, 0, 0.01, 0.99),
                new Step.ExtractDatePart("signup_date", Step.DatePart.YEAR, null),
                new Step.DropColumns(List.of("comment", "comment_2")));
    }

    public static void main(String[] args) throws Exception {
        long rows = 10_000_000;
        int repeats = 3;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: BenchMain wrangle [--rows N] [--repeats N] [--dir D]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# Osprey wrangle bench: Java %s, %d cores, max heap %d MB; the CPU is shared, figures are noisy%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Files.createDirectories(dir);
        // Its own copy of the grid bench's file: the grid bench writes in place, so sharing could read a half-written file.
        Path csv = dir.resolve("wrangle-" + rows + "x20.csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            writeWide(csv, rows);
            System.out.printf(Locale.ROOT, "# wrote %s (%s) in %.1f s%n", csv, Stats.mb(Files.size(csv)), secs(t));
        }
        Path ws = Files.createTempDirectory(dir, "wrangle-ws-");
        try (Engine engine = Engine.create(ws)) {
            long t = System.nanoTime();
            Dataset d = engine.datasets().importFile(new ImportRequest(csv, "wide", DataFormat.CSV, StorageMode.LINK),
                    JobContext.NONE);
            System.out.printf(Locale.ROOT, "# imported (linked) %,d rows x %d columns in %.1f s (not timed below)%n",
                    d.rowCount(), d.columns().size(), secs(t));
            run(engine, d, ws, repeats);
        } finally {
            deleteTree(ws);
        }
    }

    private static void run(Engine engine, Dataset d, Path ws, int repeats) throws Exception {
        Recipe recipe = tenSteps();
        // Preview per edit: the editor previews the sample after each added step.
        RecipeEditor editor = engine.recipes().editor(d.id());
        double[] edits = new double[recipe.size()];
        for (int i = 0; i < recipe.size(); i++) {
            long t = System.nanoTime();
            editor.add(recipe.step(i));
            edits[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf(Locale.ROOT, "wrangle preview per edit (sample of %,d rows, %d edits)  median %.0f ms  max %.0f ms"
                + "  (goal < 200 ms)%n", editor.preview().sampleRows(), edits.length, Stats.median(edits), max(edits));

        long t = System.nanoTime();
        FittedRecipe fitted = engine.recipes().fit(d.id(), recipe, JobContext.NONE);
        double fitS = secs(t);
        System.out.printf(Locale.ROOT, "wrangle fit (5 fitted steps over the full file; consecutive numeric fits share one pass: 3 passes)  %.2f s%n", fitS);
        // toSql compiles the recipe as the apply does (one DESCRIBE per step, no data read): its time is
        // the part of our apply that is not DuckDB's COPY.
        long tb = System.nanoTime();
        String sql = engine.recipes().toSql(d.id(), fitted);
        double buildMs = (System.nanoTime() - tb) / 1e6;
        tb = System.nanoTime();
        engine.recipes().toSql(d.id(), fitted);
        double buildWarmMs = (System.nanoTime() - tb) / 1e6;

        Path oursOut = ws.resolve("ours.parquet");
        Path peerOut = ws.resolve("peer.parquet");
        double[] o = new double[repeats];
        double[] p = new double[repeats];
        double[] f = new double[repeats];
        long oursRows = 0;
        long peerRows = 0;
        // Second pass: the peer is one DuckDB session opened once (as a user with the DuckDB shell open
        // would have), with DuckDB's defaults; both sides take the row count from COPY's own result (no
        // re-read of the output); both are warmed once; the order alternates each repeat (so neither side
        // always runs on a cache the other warmed), and the medians are compared.
        try (Connection peer = DriverManager.getConnection("jdbc:duckdb:")) {
            ours(engine, d, fitted, oursOut); // warm-up
            peer(peer, sql, peerOut);
            for (int i = 0; i < repeats; i++) {
                boolean oursFirst = i % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    boolean runOurs = (side == 0) == oursFirst;
                    long t0 = System.nanoTime();
                    if (runOurs) {
                        oursRows = ours(engine, d, fitted, oursOut);
                        o[i] = secs(t0);
                    } else {
                        peerRows = peer(peer, sql, peerOut);
                        p[i] = secs(t0);
                        // ours makes its file durable (fsync, then an atomic rename): time the same for the peer's
                        long tf = System.nanoTime();
                        try (var ch = java.nio.channels.FileChannel.open(peerOut, java.nio.file.StandardOpenOption.WRITE)) {
                            ch.force(true);
                        }
                        f[i] = secs(tf);
                    }
                }
            }
            try (Statement st = peer.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('preserve_insertion_order')")) {
                rs.next();
                System.out.printf(Locale.ROOT, "# peer settings: threads %s, memory_limit %s, preserve_insertion_order %s;"
                                + " ours compiles the recipe in %.0f ms (%.0f ms warm) before its COPY%n",
                        rs.getString(1), rs.getString(2), rs.getString(3), buildMs, buildWarmMs);
            }
        }
        double om = Stats.median(o);
        double pm = Stats.median(p);
        System.out.printf(Locale.ROOT, "wrangle apply 10 steps  %,d x %d -> parquet  ours %.2f s  peer(duckdb, same SQL) %.2f s"
                        + "  ratio(ours/peer) %.2f (goal <= 1.1)  rows ours %,d / peer %,d%s%n",
                d.rowCount(), d.columns().size(), om, pm, om / pm, oursRows, peerRows, oursRows == peerRows ? "" : "  ROW COUNT MISMATCH");
        double pf = Stats.median(sum(p, f));
        System.out.printf(Locale.ROOT, "wrangle apply, same durability  ours %.2f s  peer COPY + fsync of its file %.2f s  ratio %.2f"
                + "  (fsync alone: median %.2f s; ours writes a temp file, fsyncs it and renames it, as every Osprey write)%n",
                om, pf, om / pf, Stats.median(f));
        System.out.printf(Locale.ROOT, "wrangle fit + apply  ours %.2f s  vs peer apply alone %.2f s  ratio %.2f%n", fitS + om, pm,
                (fitS + om) / pm);
        System.out.printf(Locale.ROOT, "# runs ours %s s, peer %s s%n", list(o), list(p));
    }

    private static long ours(Engine engine, Dataset d, FittedRecipe fitted, Path out) throws Exception {
        Files.deleteIfExists(out);
        ApplyResult r = engine.recipes().applyToFile(d.id(), fitted, out, JobContext.NONE);
        return r.rows();
    }

    /** DuckDB on its own: the exported SQL and DuckDB's COPY to Parquet, in the peer's session; COPY's row count. */
    private static long peer(Connection c, String sql, Path out) throws Exception {
        Files.deleteIfExists(out);
        try (Statement st = c.createStatement()) {
            if (st.execute("COPY (" + sql + ") TO '" + out.toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)")) {
                try (ResultSet rs = st.getResultSet()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
            return st.getLargeUpdateCount();
        }
    }

    /**
     * The grid bench's file, byte for byte (same seed, same layout: two of CsvGenerator's rows side by side,
     * the second's names suffixed "_2"), so both measure the same data. Kept here so this
     * bench does not need the JavaFX grid classes GridBench uses.
     */
    static void writeWide(Path file, long rows) throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(2026);
        List<String> second = new ArrayList<>();
        for (String h : CsvGenerator.HEADER.split(",")) {
            second.add(h + "_2");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (var out = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
            out.write(CsvGenerator.HEADER + "," + String.join(",", second) + "\n");
            StringBuilder line = new StringBuilder(320);
            for (long i = 1; i <= rows; i++) {
                line.setLength(0);
                CsvGenerator.row(line, i, rnd);
                line.setCharAt(line.length() - 1, ',');
                CsvGenerator.row(line, i, rnd);
                out.write(line.toString());
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static double[] sum(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + b[i];
        }
        return r;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static String list(double[] v) {
        List<String> s = new ArrayList<>();
        for (double x : v) {
            s.add(String.format(Locale.ROOT, "%.2f", x));
        }
        return String.join(", ", s);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteTree(Path root) throws Exception {
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
