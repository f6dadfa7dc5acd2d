package dev.osprey.core.deploy;

import dev.osprey.core.data.DataFormat;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.workspace.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batch transform: streams a file of any size through a registered model version. The job
 * thread reads chunks through DuckDB and writes results; a pool of one thread per core scores
 * chunks, and results are written in input order (a bounded window of chunks in flight keeps
 * memory flat). The output and the rejected-rows file appear atomically, only when the whole
 * input was read; a cancel or a failure leaves any earlier output untouched.
 */
public final class BatchTransform {
    static final int CHUNK_ROWS = 8192;

    private final ModelRegistry registry;
    private final int threads;

    public BatchTransform(ModelRegistry registry) {
        this(registry, Runtime.getRuntime().availableProcessors());
    }

    BatchTransform(ModelRegistry registry, int threads) {
        this.registry = Objects.requireNonNull(registry);
        this.threads = Math.max(1, threads);
    }

    /** Runs the transform as a job of {@code jobs} (progress, cancel, the summary as its result). */
    public Job<BatchSummary> submit(JobService jobs, BatchRequest request) {
        return jobs.submit("Batch transform " + request.input().getFileName() + " with " + request.model() + ":"
                + request.version(), ctx -> run(request, ctx));
    }

    /** Runs the transform on the calling thread. */
    public BatchSummary run(BatchRequest request, JobContext ctx) throws BatchException {
        long started = System.nanoTime();
        boolean jsonLines = outputIsJsonLines(request.output());
        TrainedModel model;
        try {
            model = registry.load(request.model(), request.version());
        } catch (RegistryException e) {
            throw new BatchException(e.getMessage(), e);
        }
        if (Files.isDirectory(request.output())) {
            throw new BatchException(request.output() + " is a folder; the output is a file name.");
        }
        ctx.progress(-1, "Reading " + request.input().getFileName());
        Path outTmp = null;
        Path rejTmp = null;
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try (BatchSource source = BatchSource.open(request.input())) {
            ctx.onCancel(source::cancel);
            BatchScorer scorer = new BatchScorer(model, source.columns(), request.joinInput(), jsonLines);
            outTmp = AtomicFiles.tempFileFor(request.output());
            rejTmp = AtomicFiles.tempFileFor(request.rejectedFile());
            long[] counts;
            try (Writer out = Files.newBufferedWriter(outTmp, StandardCharsets.UTF_8);
                 RejectLog rejects = new RejectLog(rejTmp)) {
                out.write(scorer.headerText());
                counts = pump(source, scorer, pool, out, rejects, ctx, Files.size(request.input()));
            }
            ctx.checkCancelled();
            long duckRejected = finishRejects(source, rejTmp, request.rejectedFile());
            AtomicFiles.commit(outTmp, request.output());
            outTmp = null;
            long rejected = counts[1] + duckRejected;
            Optional<Path> rejectedFile = rejected > 0 ? Optional.of(request.rejectedFile()) : Optional.empty();
            BatchSummary summary = new BatchSummary(counts[0], rejected, request.output(), rejectedFile,
                    Duration.ofNanos(System.nanoTime() - started));
            ctx.progress(1, summary.toString());
            return summary;
        } catch (IOException e) {
            throw new BatchException("Cannot write " + request.output() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            ctx.checkCancelled();
            throw new BatchException("Cannot read " + request.input().getFileName() + ": " + BatchSource.firstLine(e), e);
        } finally {
            pool.shutdownNow();
            deleteQuietly(outTmp);
            deleteQuietly(rejTmp);
        }
    }

    /** Reads, scores and writes every chunk; returns {scored, rejected}. */
    private long[] pump(BatchSource source, BatchScorer scorer, ExecutorService pool, Writer out, RejectLog rejects,
                        JobContext ctx, long fileBytes) throws SQLException, IOException, BatchException {
        ArrayDeque<Future<BatchScorer.Chunk>> inFlight = new ArrayDeque<>();
        long read = 0;
        long[] counts = new long[2];
        double bytesPerRow = -1;
        try {
            while (true) {
                ctx.checkCancelled();
                Object[][] rows = source.next(CHUNK_ROWS);
                if (rows.length == 0) {
                    break;
                }
                if (bytesPerRow < 0) {
                    bytesPerRow = bytesPerRow(rows);
                }
                long first = read;
                read += rows.length;
                inFlight.add(pool.submit(() -> scorer.score(rows, first)));
                while (inFlight.size() >= 2 * threads) {
                    write(inFlight.poll(), out, rejects, counts);
                }
                double fraction = fileBytes > 0 ? Math.min(0.99, read * bytesPerRow / fileBytes) : -1;
                ctx.progress(fraction, String.format(Locale.ROOT, "%,d rows read", read));
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.poll(), out, rejects, counts);
            }
            return counts;
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private static void write(Future<BatchScorer.Chunk> f, Writer out, RejectLog rejects, long[] counts)
            throws IOException, BatchException {
        BatchScorer.Chunk chunk;
        try {
            chunk = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.osprey.core.job.JobCancelledException();
        } catch (ExecutionException e) {
            throw new BatchException("Scoring failed: " + BatchSource.firstLine(e.getCause()), e.getCause());
        }
        out.write(chunk.text());
        for (BatchScorer.Rejected r : chunk.rejected()) {
            rejects.add(r);
        }
        counts[0] += chunk.scored();
        counts[1] += chunk.rejected().size();
    }

    // The first chunk's text size per row estimates progress through the file without a counting pass.
    private static double bytesPerRow(Object[][] rows) {
        long chars = 0;
        for (Object[] row : rows) {
            for (Object v : row) {
                chars += (v == null ? 0 : v.toString().length()) + 1;
            }
        }
        return Math.max(1, (double) chars / rows.length);
    }

    /** Merges the scorer's rejects with the reader's refused lines into the side file; returns the reader's count. */
    private static long finishRejects(BatchSource source, Path scorerRejects, Path target) throws SQLException, IOException {
        var refused = source.rejectedLines();
        if (refused.isEmpty() && Files.size(scorerRejects) == 0) {
            Files.deleteIfExists(target); // a stale file from an earlier run would be read as this run's rejects
            return 0;
        }
        Path tmp = AtomicFiles.tempFileFor(target);
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                RejectLog.merge(scorerRejects, refused, source.firstLine(), w);
            }
            AtomicFiles.commit(tmp, target);
        } finally {
            deleteQuietly(tmp);
        }
        return refused.size();
    }

    static boolean outputIsJsonLines(Path output) throws BatchException {
        Optional<DataFormat> f = DataFormat.fromFileName(output);
        if (f.isEmpty() || f.get() == DataFormat.CSV) {
            return false;
        }
        if (f.get() == DataFormat.JSONL) {
            return true;
        }
        throw new BatchException("Batch transform writes CSV or JSON Lines (.csv, .jsonl); not " + f.get().label()
                + " (" + output.getFileName() + ").");
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "osprey-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is swept with the workspace's temporaries
            }
        }
    }
}
