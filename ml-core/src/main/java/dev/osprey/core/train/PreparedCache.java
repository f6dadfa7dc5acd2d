package dev.osprey.core.train;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared data that trainings of one job share (the trials of a tuning job train on the same
 * dataset, target and rows with different options): the first training reads and prepares it, the
 * others reuse it instead of reading the dataset again. Only for a job's lifetime: a cache does
 * not notice a dataset that changes meanwhile. Thread-safe; trainings that ask at once wait for
 * the one that reads. Pass it to {@link TrainingService#train(TrainingRequest,
 * dev.osprey.core.job.JobContext, java.util.function.Consumer, PreparedCache)}.
 */
public final class PreparedCache {
    private final Map<String, Prepared> prepared = new HashMap<>();

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
}
