package dev.osprey.bench;

import dev.osprey.app.data.grid.DataGrid;
import dev.osprey.app.data.grid.GridModel;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.data.TablePager;
import dev.osprey.core.job.JobContext;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code BenchMain grid [--rows N] [--dir D]}: the data grid over a generated N-row x 20-column CSV
 * (10,000,000 by default) in a real headless JavaFX scene. Measures the time to the first rows
 * on screen (peer: DuckDB reading the same first rows directly), the time until deep pages are
 * read by position (the Parquet snapshot), the pulse work and frame interval while the grid is
 * scrolled programmatically (wheel-like steps, then a fling to the end), the time until the last
 * row shows, and the heap growth (after GC) from before opening to after scrolling.
 */
public final class GridBench {
    private static final int FRAMES_SMOOTH = 240;
    private static final int FRAMES_FLING = 360;
    private static final int PEER_ROWS = 20_000;

    private GridBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 10_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: BenchMain grid [--rows N] [--dir D]");
                    System.exit(2);
                }
            }
        }
        if (System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Files.createDirectories(dir);
        Path csv = dir.resolve("grid-" + rows + "x20.csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            write(csv, rows);
            System.out.printf(Locale.ROOT, "# wrote %s (%s) in %.1f s%n", csv, Stats.mb(Files.size(csv)), secs(t));
        }
        Path ws = Files.createTempDirectory(dir, "grid-ws-");
        try (Engine engine = Engine.create(ws)) {
            long t = System.nanoTime();
            Dataset d = engine.datasets().importFile(new ImportRequest(csv, "grid", DataFormat.CSV, StorageMode.LINK),
                    JobContext.NONE);
            System.out.printf(Locale.ROOT, "# imported (linked) %,d rows x %d columns in %.1f s (not part of the grid figures)%n",
                    d.rowCount(), d.columns().size(), secs(t));
            double peerMs = peerFirstRows(csv);
            run(engine, d, peerMs);
        } finally {
            Platform.exit();
        }
    }

    private static void run(Engine engine, Dataset d, double peerMs) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        String sql = engine.datasets().selectSql(d);
        AtomicReference<GridModel> model = new AtomicReference<>();
        AtomicReference<DataGrid> grid = new AtomicReference<>();
        CompletableFuture<double[]> firstRows = new CompletableFuture<>();
        // The studio is running when a dataset is opened: show the (empty) grid first, let JavaFX do
        // its first-frame work, then time the open.
        CompletableFuture<Void> warm = new CompletableFuture<>();
        Platform.runLater(() -> {
            GridModel m = new GridModel(Executors.newFixedThreadPool(2, daemon()), Executors.newSingleThreadExecutor(daemon()),
                    Platform::runLater);
            DataGrid g = new DataGrid(m);
            model.set(m);
            grid.set(g);
            Stage stage = new Stage();
            stage.setScene(new Scene(g, 1400, 900));
            stage.show();
            warm.complete(null);
        });
        warm.get();
        Thread.sleep(2000);
        // Warm-up (second pass): scroll the same grid once over in-memory rows, so the JIT has compiled
        // the table's code before either measured scroll (the first pass measured ours cold and the
        // peer warm). Not reported.
        CompletableFuture<Void> warmRows = new CompletableFuture<>();
        Platform.runLater(() -> {
            model.get().showPreview(d.columns(), memoryRows(d.columns().size(), PEER_ROWS), "warm-up");
            warmRows.complete(null);
        });
        warmRows.get();
        scroll(model.get(), grid.get(), PEER_ROWS);
        CompletableFuture<Void> cleared = new CompletableFuture<>();
        Platform.runLater(() -> {
            model.get().clear();
            cleared.complete(null);
        });
        cleared.get();
        long heapBefore = usedHeapAfterGc();
        long[] start = new long[1];
        Platform.runLater(() -> {
            GridModel m = model.get();
            start[0] = System.nanoTime();
            long t0 = start[0];
            m.rowsProperty().addListener((o, a, b) -> System.out.printf(Locale.ROOT, "#   rows shown (%,d) at %.0f ms%n", b.size(), ms(t0)));
            m.errorProperty().addListener((o, a, b) -> {
                if (b != null) {
                    System.out.println("# grid error: " + b);
                }
            });
            m.versionProperty().addListener((o, a, b) -> {
                if (b.intValue() == 1) {
                    System.out.printf(Locale.ROOT, "#   first page arrived at %.0f ms%n", ms(t0));
                }
            });
            m.open(d.columns(), d.rowCount(), () -> TablePager.open(sql, d.columns(), d.rowCount()));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    var r = m.rowsProperty().get();
                    if (r.size() > 0 && r.row(0) != null && r.row(30) != null) {
                        stop();
                        firstRows.complete(new double[] {ms(t0)});
                    }
                }
            }.start();
        });
        double firstMs = firstRows.get(60, TimeUnit.SECONDS)[0];
        // wait for the snapshot: the status stays, but deep pages become fast once rows are read by position
        long snapStart = System.nanoTime();
        while (!snapshotReady(model.get())) {
            Thread.sleep(100);
        }
        double snapshotS = secs(start[0]);
        double snapshotWait = secs(snapStart);
        Scroll scroll = scroll(model.get(), grid.get(), d.rowCount());
        long heapAfter = usedHeapAfterGc();
        // The peer (second pass): the same grid in the same scene over as many rows as the file, each
        // computed when asked (no paging, no DuckDB, no memory). The first pass's peer had 20,000 rows,
        // which hid JavaFX's own cost of a TableView with millions of items (VirtualFlow walks the
        // items up to the target on every scrollTo).
        CompletableFuture<Void> shown = new CompletableFuture<>();
        long total = d.rowCount();
        int ncols = d.columns().size();
        Platform.runLater(() -> {
            model.get().showRows(d.columns(), computedRows(ncols, total), "peer");
            shown.complete(null);
        });
        shown.get();
        Scroll peer = scroll(model.get(), grid.get(), total);
        System.out.printf(Locale.ROOT, "grid first rows      %,d x %d   ours %7.0f ms   peer(duckdb LIMIT) %6.0f ms   ratio %.2f%n",
                d.rowCount(), d.columns().size(), firstMs, peerMs, firstMs / peerMs);
        System.out.printf(Locale.ROOT, "grid snapshot+summaries ready %.1f s after open (%.1f s after first rows)%n", snapshotS, snapshotWait);
        System.out.printf(Locale.ROOT, "grid scroll          pulse work p50 %.1f ms  p95 %.1f ms  max %.1f ms | frame interval p50 %.1f ms  p95 %.1f ms (goal < 16.7)%n",
                pct(scroll.work, 50), pct(scroll.work, 95), pct(scroll.work, 100), pct(scroll.interval, 50), pct(scroll.interval, 95));
        System.out.printf(Locale.ROOT, "grid scroll peer     (same grid, %,d rows computed, no paging) pulse work p50 %.1f ms  p95 %.1f ms | frame interval p95 %.1f ms | ratio p95 work %.2f%n",
                total, pct(peer.work, 50), pct(peer.work, 95), pct(peer.interval, 95), pct(scroll.work, 95) / pct(peer.work, 95));
        System.out.printf(Locale.ROOT, "grid scroll phases   ours: wheel steps p50 %.1f p95 %.1f ms, fling p50 %.1f p95 %.1f ms | peer: wheel p95 %.1f ms, fling p95 %.1f ms%n",
                pct(phase(scroll.work, true), 50), pct(phase(scroll.work, true), 95), pct(phase(scroll.work, false), 50),
                pct(phase(scroll.work, false), 95), pct(phase(peer.work, true), 95), pct(phase(peer.work, false), 95));
        System.out.printf(Locale.ROOT, "grid scroll FX CPU   ours p50 %.1f p95 %.1f ms (wheel p95 %.1f, fling p95 %.1f) | peer p50 %.1f p95 %.1f ms | ratio p95 %.2f%n",
                pct(scroll.cpu, 50), pct(scroll.cpu, 95), pct(phase(scroll.cpu, true), 95), pct(phase(scroll.cpu, false), 95),
                pct(peer.cpu, 50), pct(peer.cpu, 95), pct(scroll.cpu, 95) / pct(peer.cpu, 95));
        System.out.printf(Locale.ROOT, "grid last row shown  %.0f ms after scrollTo(end)%n", scroll.lastRowMs);
        System.out.printf(Locale.ROOT, "grid heap            before %s  after %s  growth %s (goal < 400 MB)%n",
                Stats.mb(heapBefore), Stats.mb(heapAfter), Stats.mb(heapAfter - heapBefore));
        Platform.runLater(() -> model.get().close());
    }

    /** The pulses of the wheel-step phase ({@code wheel}) or of the fling. */
    private static double[] phase(double[] work, boolean wheel) {
        return wheel ? Arrays.copyOfRange(work, 0, FRAMES_SMOOTH) : Arrays.copyOfRange(work, FRAMES_SMOOTH, work.length);
    }

    private static boolean snapshotReady(GridModel m) throws Exception {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(!m.summaries().isEmpty()));
        return f.get();
    }

    /** Per pulse: wall time, FX-thread CPU time (immune to a busy machine's CPU starvation), interval. */
    private record Scroll(double[] work, double[] cpu, double[] interval, double lastRowMs) {
    }

    /** Scrolls in pulses: a few rows per frame, then big jumps to the end; pulse work = animation phase to post-layout. */
    private static Scroll scroll(GridModel m, DataGrid g, long rows) throws Exception {
        int total = FRAMES_SMOOTH + FRAMES_FLING;
        double[] work = new double[total];
        double[] cpu = new double[total];
        double[] interval = new double[total];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        CompletableFuture<Double> last = new CompletableFuture<>();
        Platform.runLater(() -> {
            long[] pulseStart = {0};
            long[] cpuStart = {0};
            long[] prev = {0};
            int[] frame = {0};
            long[] endAt = {0};
            Scene scene = g.getScene();
            Runnable post = () -> {
                int f = frame[0] - 1;
                if (f >= 0 && f < total && pulseStart[0] != 0) {
                    work[f] = (System.nanoTime() - pulseStart[0]) / 1e6;
                    cpu[f] = (mx.getCurrentThreadCpuTime() - cpuStart[0]) / 1e6;
                }
            };
            scene.addPostLayoutPulseListener(post);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    int f = frame[0];
                    if (f < total) {
                        if (f > 0) {
                            interval[f - 1] = (t - prev[0]) / 1e6;
                        }
                        prev[0] = t;
                        pulseStart[0] = t;
                        cpuStart[0] = mx.getCurrentThreadCpuTime();
                        long target = f < FRAMES_SMOOTH ? f * 3L
                                : (long) ((double) (f - FRAMES_SMOOTH + 1) / FRAMES_FLING * (rows - 1));
                        g.scrollTo(Math.min(rows - 1, target));
                        frame[0]++;
                    } else if (f == total) {
                        g.scrollTo(rows - 1);
                        endAt[0] = System.nanoTime();
                        frame[0]++;
                    } else if (m.rowsProperty().get().row(rows - 1) != null) {
                        stop();
                        scene.removePostLayoutPulseListener(post);
                        last.complete((System.nanoTime() - endAt[0]) / 1e6);
                    }
                }
            }.start();
        });
        double lastMs = last.get(10, TimeUnit.MINUTES);
        double[] intervals = Arrays.copyOf(interval, total - 1);
        return new Scroll(work, cpu, intervals, lastMs);
    }

    /** {@code rows} rows shaped like the file's, computed from the row number when a cell asks. */
    private static dev.osprey.app.data.grid.GridRows computedRows(int columns, long rows) {
        return new dev.osprey.app.data.grid.GridRows() {
            @Override
            public long size() {
                return rows;
            }

            @Override
            public List<Object> row(long index) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 0; c < columns; c++) {
                    long h = index * 31 + c;
                    row.add(switch (c % 4) {
                        case 0 -> h % 1_000_000;
                        case 1 -> (h % 100_000) / 7.0;
                        case 2 -> "text " + h % 1000;
                        default -> h % 2 == 0;
                    });
                }
                return row;
            }
        };
    }

    /** Rows shaped like the file's (numbers and short text), held in memory for the warm-up. */
    private static List<List<Object>> memoryRows(int columns, int rows) {
        List<List<Object>> list = new ArrayList<>(rows);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int r = 0; r < rows; r++) {
            List<Object> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                row.add(switch (c % 4) {
                    case 0 -> (long) rnd.nextInt(1_000_000);
                    case 1 -> rnd.nextDouble() * 1000;
                    case 2 -> "text " + rnd.nextInt(1000);
                    default -> rnd.nextBoolean();
                });
            }
            list.add(row);
        }
        return list;
    }

    private static double peerFirstRows(Path csv) throws Exception {
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM read_csv('" + csv.toString().replace("'", "''") + "') LIMIT 500")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
            }
        }
        return ms(t);
    }

    /** 20 columns: two of CsvGenerator's rows side by side, the second's names suffixed "_2". */
    static void write(Path file, long rows) throws Exception {
        SplittableRandom rnd = new SplittableRandom(2026);
        List<String> second = new ArrayList<>();
        for (String h : CsvGenerator.HEADER.split(",")) {
            second.add(h + "_2");
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
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
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "grid-bench");
            t.setDaemon(true);
            return t;
        };
    }

    private static double pct(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.clamp(i, 0, s.length - 1)];
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
