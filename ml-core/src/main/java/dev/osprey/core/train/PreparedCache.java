package dev.osprey.core.train;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared data that trainings of one job share (the trials of a tuning job train on the same
 * dataset, target and rows with different options): the first training reads and prepares it, the
 * others reuse it instead of reading the dataset again. XGBoost's matrices of those rows are kept
 * too ({@link MatrixPool}), so a trial does not rebuild them and their histogram index. Only for a
 * job's lifetime: a cache does not notice a dataset that changes meanwhile. Thread-safe; trainings
 * that ask at once wait for the one that reads. Pass it to {@link TrainingService#train(TrainingRequest,
 * dev.osprey.core.job.JobContext, java.util.function.Consumer, PreparedCache)} and close it when the
 * job ends (that frees the matrices' native memory).
 */
public final class PreparedCache implements AutoCloseable {
    /**
     * The cells (rows x features) of XGBoost matrices a job keeps between its fits, about 0.6 GB of
     * native memory; the tuner holds paused trials' matrices to the same limit.
     */
    public static final long KEPT_MATRIX_CELLS = MatrixPool.MAX_FREE_CELLS;

    private final Map<String, Prepared> prepared = new HashMap<>();
    private final MatrixPool matrices = new MatrixPool();

    /** What reads and prepares the data when the cache does not hold it yet. */
    interface Loader {
        Prepared load() throws SQLException, TrainingException;
    }

    /** The data prepared for {@code key} (the SELECT, columns and problem type), loaded on first use; a failure is not kept. */
    synchronized Prepared get(String key, Loader loader) throws SQLException, TrainingException {
        Prepared p = prepared.get(key);
        if (p == null) {
            p = loader.load();
            prepared.put(key, p);
        }
        return p;
    }

    MatrixPool matrices() {
        return matrices;
    }

    /** Frees the kept matrices; a training still running gives its own back to be freed as it ends. */
    @Override
    public void close() {
        matrices.close();
        synchronized (this) {
            prepared.clear();
        }
    }
}
