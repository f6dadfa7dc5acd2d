package dev.osprey.core.train;

import dev.osprey.core.job.JobContext;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an algorithm sees while it fits: the seed, cancellation (poll {@link #checkCancelled()}
 * between rounds; register a hook for work that blocks), log lines, and per-iteration metrics.
 * {@code fold} counts from 1; 0 is the final fit on all rows.
 */
public final class FitContext {
    private final JobContext job;
    private final Consumer<? super TrainingEvent> events;
    private final int fold;
    private final long seed;
    private final int threads;
    /** Matrices kept across the fits of one job (a tuning job's trials); null outside such a job. */
    private final MatrixPool matrices;

    public FitContext(JobContext job, Consumer<? super TrainingEvent> events, int fold, long seed, int threads) {
        this(job, events, fold, seed, threads, null);
    }

    private FitContext(JobContext job, Consumer<? super TrainingEvent> events, int fold, long seed, int threads,
                       MatrixPool matrices) {
        this.job = Objects.requireNonNull(job);
        this.events = Objects.requireNonNull(events);
        this.fold = fold;
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.matrices = matrices;
    }

    /** This context with the job's matrix pool (null: none). */
    FitContext withMatrices(MatrixPool pool) {
        return new FitContext(job, events, fold, seed, threads, pool);
    }

    /** The job's matrix pool, or null when fits build their own matrices. */
    MatrixPool matrices() {
        return matrices;
    }

    /** A context outside any job (tests, notebooks): never cancelled, events dropped. */
    public static FitContext standalone(long seed) {
        return new FitContext(JobContext.NONE, e -> { }, 0, seed, Runtime.getRuntime().availableProcessors());
    }

    public long seed() {
        return seed;
    }

    public int fold() {
        return fold;
    }

    /** How many threads an algorithm may use. */
    public int threads() {
        return threads;
    }

    public boolean isCancelled() {
        return job.isCancelled();
    }

    /** Throws {@link dev.osprey.core.job.JobCancelledException} when the job was cancelled. */
    public void checkCancelled() {
        job.checkCancelled();
    }

    public void onCancel(Runnable hook) {
        job.onCancel(hook);
    }

    public void log(String line) {
        job.log(line);
    }

    /** Reports one iteration; {@code validValue} is NaN when there are no validation rows. */
    public void iteration(int iteration, String metric, double trainValue, double validValue) {
        events.accept(new TrainingEvent.IterationMetric(fold, iteration, metric, trainValue, validValue));
    }
}
