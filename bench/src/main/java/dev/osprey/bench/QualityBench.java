package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.quality.QualityReport;
import dev.osprey.core.quality.QualityRequest;
import dev.osprey.core.quality.Severity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The data quality report on the import benchmark's generated CSV (10 columns: ids, integers,
 * decimals, categories, free text, booleans, dates, some empty cells) at {@code rows} rows, with
 * the boolean {@code active} as the target and the free-text {@code comment} set to IGNORE (as a
 * user would: the quick model refuses text with thousands of values). Ours: the whole report job
 * (read once into DuckDB, statistics, duplicates, leakage on a 5,000-row sample, and the quick
 * model), then the same without the quick model. Peer: DuckDB's own {@code SUMMARIZE} of the same
 * file (statistics only), in the same JVM. One untimed warm-up on a small file first.
 *
 * <p>{@code BenchMain quality [--rows N] [--dir D]}
 */
public final class QualityBench {
    static final String TARGET = "active";
    static final double GOAL_SECONDS = 10;

    private final Path dir;
    private final long rows;
    private final PrintStream out;

    public QualityBench(Path dir, long rows, PrintStream out) {
        this.dir = dir;
        this.rows = rows;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: BenchMain quality [--rows N] [--dir D]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# Osprey bench: Java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        new QualityBench(dir, rows, System.out).run();
    }

    public void run() throws Exception {
        Files.createDirectories(dir);
        Path small = csv(2_000);
        Path big = csv(rows);
        Path ws = Files.createTempDirectory(dir, "quality-ws-");
        try (Engine engine = Engine.create(ws)) {
            Dataset warm = importForReport(engine, small, "warmup");
            engine.quality().profile(QualityRequest.of(warm.id(), Optional.of(TARGET)), JobContext.NONE);
            summarize(big); // warms DuckDB's CSV reader too

            Dataset d = importForReport(engine, big, "quality");
            PhaseClock clock = new PhaseClock();
            long t0 = System.nanoTime();
            QualityReport full = engine.quality().profile(QualityRequest.of(d.id(), Optional.of(TARGET)), clock);
            long t1 = System.nanoTime();
            QualityReport stats = engine.quality().profile(QualityRequest.of(d.id(), Optional.of(TARGET)).withoutQuickModel(),
                    JobContext.NONE);
            long t2 = System.nanoTime();
            long p0 = System.nanoTime();
            long peerRows = summarize(big);
            long p1 = System.nanoTime();
            double ours = (t1 - t0) / 1e9;
            double oursStats = (t2 - t1) / 1e9;
            double peer = (p1 - p0) / 1e9;
            out.println("# ours quality report: " + clock.summary(t1));
            line("full report", full, ours, peer, peerRows);
            line("without quick model", stats, oursStats, peer, peerRows);
        } finally {
            deleteTree(ws);
        }
    }

    private void line(String what, QualityReport r, double ours, double peer, long peerRows) {
        // second pass: the quick model's rows are printed, so the sample cap (QualityService.QUICK_MAX_ROWS) is seen to hold
        String auc = r.quickModel().map(q -> String.format(Locale.ROOT, "%.4f (trained on %,d rows, %,d held out)",
                        q.metrics().getOrDefault("roc_auc", Double.NaN), q.trainRows(), q.validRows()))
                .orElse("-");
        out.printf(Locale.ROOT, "quality-report %-19s  size %,d x %d  ours %.2f s  peer duckdb SUMMARIZE %.2f s  ratio(peer/ours) %.2f"
                        + "  goal < %.0f s %s  rows ours %,d / peer %,d  warnings %d/%d/%d  quick-model AUC %s%n",
                what, r.rows(), r.columns().size(), ours, peer, peer / ours, GOAL_SECONDS, ours < GOAL_SECONDS ? "met" : "MISSED",
                r.rows(), peerRows, r.count(Severity.HIGH), r.count(Severity.MEDIUM), r.count(Severity.LOW), auc);
    }

    /** The import bench's CSV with about {@code n} rows (bytes per row measured on a sample), reused when present. */
    private Path csv(long n) throws IOException {
        Path file = dir.resolve("quality-" + n + ".csv");
        if (Files.exists(file)) {
            out.println("# reusing " + file);
            return file;
        }
        Path probe = dir.resolve("quality-probe.csv");
        CsvGenerator.Generated p = CsvGenerator.write(probe, 1_000_000, 11);
        double bytesPerRow = (double) p.bytes() / p.rows();
        Files.delete(probe);
        long t = System.nanoTime();
        CsvGenerator.Generated g = CsvGenerator.write(file, (long) (n * bytesPerRow), 11);
        if (g.rows() < n) {
            // Later rows are longer (wider ids) than the probe's: scale up once to reach n rows.
            g = CsvGenerator.write(file, (long) (g.bytes() * ((double) n / g.rows()) * 1.001), 11);
        }
        out.printf(Locale.ROOT, "# generated %s: %,d rows, %s in %.1f s%n", file, g.rows(), Stats.mb(g.bytes()),
                (System.nanoTime() - t) / 1e9);
        return file;
    }

    private static Dataset importForReport(Engine engine, Path csv, String name) throws Exception {
        Dataset d = engine.datasets().importFile(new ImportRequest(csv, name, DataFormat.CSV, StorageMode.LINK), JobContext.NONE);
        List<Column> cols = new ArrayList<>();
        for (Column c : d.columns()) {
            cols.add(c.name().equals("comment") ? c.withRole(ColumnRole.IGNORE) : c);
        }
        return engine.datasets().updateSchema(d.id(), cols);
    }

    /** DuckDB's SUMMARIZE of the file: per-column min, max, approx unique, avg, std, quartiles, count, null share. */
    private static long summarize(Path csv) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SUMMARIZE SELECT * FROM read_csv('" + csv.toString().replace("'", "''") + "')")) {
            long count = 0;
            while (rs.next()) {
                count = rs.getLong("count");
            }
            return count;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
