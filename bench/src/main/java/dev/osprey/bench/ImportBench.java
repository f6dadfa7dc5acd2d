package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CSV import throughput: Osprey's {@code DatasetService.importFile} (COPY and LINK) against DuckDB's
 * own {@code SELECT count(*) FROM read_csv(...)} on the same file in the same JVM, and, as a second
 * reference that parses every value like an import does, DuckDB loading the file into a table. Both paths are
 * warmed once, then timed {@code repeats} times; the line shows medians. Rows are compared too: a
 * fast import that loses rows is no win.
 */
final class ImportBench {
    static final long SEED = 20261123L;

    private final Path dir;
    private final long targetBytes;
    private final int repeats;
    private final PrintStream out;

    ImportBench(Path dir, long targetBytes, int repeats, PrintStream out) {
        this.dir = dir;
        this.targetBytes = targetBytes;
        this.repeats = repeats;
        this.out = out;
    }

    void run() throws Exception {
        Files.createDirectories(dir);
        Path csv = dir.resolve("bench-" + (targetBytes / 1_000_000) + "MB-seed" + SEED + ".csv");
        long size;
        if (Files.isRegularFile(csv) && Files.size(csv) >= targetBytes) {
            size = Files.size(csv);
            out.println("# reusing " + csv + " (" + Stats.mb(size) + ")");
        } else {
            long t0 = System.nanoTime();
            CsvGenerator.Generated g = CsvGenerator.write(csv, targetBytes, SEED);
            size = g.bytes();
            out.printf(Locale.ROOT, "# generated %s: %,d rows, %s in %.1f s%n", csv, g.rows(), Stats.mb(size),
                    (System.nanoTime() - t0) / 1e9);
        }
        out.println("# warming up (one untimed run of each path)");
        peer(csv, COUNT);
        peer(csv, PARSE_ALL);
        ours(csv, StorageMode.COPY);
        ours(csv, StorageMode.LINK);

        for (StorageMode mode : StorageMode.values()) {
            double[] ourTimes = new double[repeats];
            double[] countTimes = new double[repeats];
            double[] parseTimes = new double[repeats];
            long ourRows = 0;
            long countRows = 0;
            long parseRows = 0;
            for (int i = 0; i < repeats; i++) {
                Timed count = peer(csv, COUNT);
                Timed parse = peer(csv, PARSE_ALL);
                Timed ours = ours(csv, mode);
                countTimes[i] = count.seconds();
                parseTimes[i] = parse.seconds();
                ourTimes[i] = ours.seconds();
                countRows = count.rows();
                parseRows = parse.rows();
                ourRows = ours.rows();
            }
            double o = Stats.median(ourTimes);
            line(mode, size, o, ourRows, "duckdb read_csv count(*)", Stats.median(countTimes), countRows);
            line(mode, size, o, ourRows, "duckdb CREATE TABLE AS read_csv", Stats.median(parseTimes), parseRows);
        }
    }

    private void line(StorageMode mode, long size, double ours, long ourRows, String peerName, double peer, long peerRows) {
        out.printf(Locale.ROOT, "csv-import %-4s  size %s  ours %.2f s (%.0f MB/s)  peer %s %.2f s (%.0f MB/s)"
                        + "  ratio(peer/ours) %.2f  rows ours %,d / peer %,d%s%n",
                mode, Stats.mb(size), ours, size / 1e6 / ours, peerName, peer, size / 1e6 / peer, peer / ours, ourRows,
                peerRows, ourRows == peerRows ? "" : "  ROW COUNT MISMATCH");
    }

    /** The peer as the benchmark is defined: DuckDB counting the rows (it may skip converting values). */
    private static final String COUNT = "SELECT count(*) FROM read_csv('%s')";
    /** A second reference that, like an import, parses and converts every value of every row. */
    private static final String PARSE_ALL = "CREATE TABLE t AS SELECT * FROM read_csv('%s')";

    record Timed(double seconds, long rows) {
    }

    /** One import into a fresh workspace; only importFile is timed (opening a workspace is not import). */
    private Timed ours(Path csv, StorageMode mode) throws Exception {
        Path ws = Files.createTempDirectory(dir, "ws-");
        try {
            try (Engine engine = Engine.create(ws)) {
                ImportRequest request = new ImportRequest(csv, "bench", DataFormat.CSV, mode);
                long t0 = System.nanoTime();
                Dataset d = engine.datasets().importFile(request, JobContext.NONE);
                return new Timed((System.nanoTime() - t0) / 1e9, d.rowCount());
            }
        } finally {
            deleteTree(ws);
        }
    }

    private static Timed peer(Path csv, String template) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String sql = String.format(Locale.ROOT, template, csv.toAbsolutePath().toString().replace("'", "''"));
            long t0 = System.nanoTime();
            long rows;
            if (COUNT.equals(template)) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    rows = rs.getLong(1);
                }
            } else {
                st.execute(sql);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
            }
            return new Timed((System.nanoTime() - t0) / 1e9, rows);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
