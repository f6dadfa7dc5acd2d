package dev.osprey.core.deploy;

import dev.osprey.core.data.DataFormat;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.workspace.AtomicFiles;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
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
 * thread reads chunks (CSV and TSV as blocks of raw records, {@link CsvInput}; Parquet and JSON
 * through DuckDB, {@link BatchSource}) and writes results; a pool of one thread per core parses,
 * scores (one predictor call per chunk) and formats chunks, and results are written in input
 * order (a bounded window of chunks in flight keeps memory flat). The output and the rejected-rows
 * file appear atomically, only when the whole input was read; a cancel or a failure leaves any
 * earlier output untouched. The temporary output is forced to disk a few megabytes at a time
 * while the scan runs ({@link BackgroundSync}), so the force before the rename is short. CSV
 * blocks report the lines they span and their rejected rows' lines within the block; the writer,
 * which sees the blocks in order, turns those into file lines.
 */
public final class BatchTransform {
    /** Rows per chunk read through DuckDB (Parquet, JSON). */
    static final int CHUNK_ROWS = 8192;
    /** Bytes per block of a CSV or TSV file: ~50,000 short rows, one predictor call (one native matrix for XGBoost) each. */
    static final int BLOCK_BYTES = 512 * 1024;

    private final ModelRegistry registry;
    private final int threads;
    private final int blockBytes;

    public BatchTransform(ModelRegistry registry) {
        this(registry, Runtime.getRuntime().availableProcessors());
    }

    BatchTransform(ModelRegistry registry, int threads) {
        this(registry, threads, BLOCK_BYTES);
    }

    BatchTransform(ModelRegistry registry, int threads, int blockBytes) {
        this.registry = Objects.requireNonNull(registry);
        this.threads = Math.max(1, threads);
        this.blockBytes = Math.max(1024, blockBytes);
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
        try (BatchInput source = open(request.input())) {
            ctx.onCancel(source::cancel);
            BatchScorer scorer = new BatchScorer(model, source.columns(), request.joinInput(), jsonLines);
            outTmp = AtomicFiles.tempFileFor(request.output());
            rejTmp = AtomicFiles.tempFileFor(request.rejectedFile());
            long[] counts;
            // Plain streams, not interruptible channels: a cancel interrupts this thread and must not close the files under it.
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(outTmp.toFile()), 1 << 16);
                 RejectLog rejects = new RejectLog(rejTmp);
                 BackgroundSync sync = new BackgroundSync(outTmp)) {
                out.write(scorer.headerText().getBytes(StandardCharsets.UTF_8));
                counts = pump(source, scorer, pool, new Sink(scorer, out, rejects, sync), ctx);
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
            ctx.checkCancelled();
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

    /** CSV and TSV through the byte reader, Parquet and JSON through DuckDB. */
    private BatchInput open(Path input) throws BatchException {
        if (!Files.isRegularFile(input)) {
            throw new BatchException(Files.exists(input) ? input + " is not a file." : "There is no file " + input + ".");
        }
        DataFormat format = BatchSource.formatOf(input);
        if (format != DataFormat.CSV && format != DataFormat.TSV) {
            return BatchSource.open(input);
        }
        try {
            return CsvInput.open(input, format, blockBytes);
        } catch (IOException e) {
            throw new BatchException("Cannot read " + input.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Where scored chunks go, in input order. */
    private record Sink(BatchScorer scorer, OutputStream out, RejectLog rejects, BackgroundSync sync) {
    }

    /** Reads, scores and writes every chunk; returns {scored, rejected, next line}. */
    private long[] pump(BatchInput source, BatchScorer scorer, ExecutorService pool, Sink sink, JobContext ctx)
            throws SQLException, IOException, BatchException {
        ArrayDeque<Future<BatchScorer.Chunk>> inFlight = new ArrayDeque<>();
        long[] counts = {0, 0, 2};
        try {
            while (true) {
                ctx.checkCancelled();
                Callable<BatchScorer.Chunk> task;
                try {
                    task = source.next(scorer);
                } catch (IOException e) {
                    ctx.checkCancelled();
                    throw new BatchException("Cannot read the input: " + e.getMessage(), e);
                }
                if (task == null) {
                    break;
                }
                inFlight.add(pool.submit(task));
                while (inFlight.size() >= 2 * threads) {
                    write(inFlight.poll(), sink, counts);
                }
                ctx.progress(Math.min(0.99, source.fraction()),
                        String.format(Locale.ROOT, "%,d rows scored, %,d rejected", counts[0], counts[1]));
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.poll(), sink, counts);
            }
            return counts;
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    /** Writes one chunk; {@code counts} holds {scored, rejected, the file line the next CSV chunk starts on}. */
    private static void write(Future<BatchScorer.Chunk> f, Sink sink, long[] counts) throws IOException, BatchException {
        BatchScorer.Chunk chunk;
        try {
            chunk = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.osprey.core.job.JobCancelledException();
        } catch (ExecutionException e) {
            throw new BatchException("Scoring failed: " + BatchSource.firstLine(e.getCause()), e.getCause());
        }
        sink.out().write(chunk.bytes(), 0, chunk.length());
        sink.sync().wrote(chunk.length());
        sink.scorer().recycle(chunk);
        long firstLine = chunk.lines() < 0 ? 0 : counts[2];
        for (BatchScorer.Rejected r : chunk.rejected()) {
            sink.rejects().add(firstLine + r.ordinal(), r);
        }
        counts[0] += chunk.scored();
        counts[1] += chunk.rejected().size();
        counts[2] += Math.max(0, chunk.lines());
    }

    /** Merges the scorer's rejects with the reader's refused lines into the side file; returns the reader's count. */
    private static long finishRejects(BatchInput source, Path scorerRejects, Path target) throws SQLException, IOException {
        List<BatchSource.RejectedLine> refused = source.refusedLines();
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
