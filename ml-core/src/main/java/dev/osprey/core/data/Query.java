package dev.osprey.core.data;

import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

/**
 * Runs one long DuckDB statement so that it can be watched and stopped: a small thread polls the
 * statement's progress while it runs, and cancelling the job cancels the statement. Public for
 * the recipe package, whose full apply is such a statement; everyone else goes through the services.
 */
public final class Query {
    private static final long POLL_MILLIS = 200;

    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** What is done with the prepared statement while it is watched. */
    @FunctionalInterface
    public interface Work<T> {
        T run(DuckDBPreparedStatement ps) throws SQLException;
    }

    private Query() {
    }

    /**
     * Runs {@code sql}; {@code progress} receives fractions in [0, 1] (or -1 while DuckDB cannot
     * tell). Throws {@link JobCancelledException} when the job was cancelled meanwhile.
     */
    static <T> T run(DuckDBConnection c, String sql, JobContext context, DoubleConsumer progress, Rows<T> rows)
            throws SQLException {
        return watched(c, sql, context, progress, "osprey-scan-progress", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
            }
        });
    }

    /**
     * Prepares {@code sql} and hands it to {@code work} while a thread named {@code pollerName}
     * reports its progress as {@link #run} does; cancelling the job cancels the statement, and a
     * statement that failed because of that throws {@link JobCancelledException}.
     */
    public static <T> T watched(DuckDBConnection c, String sql, JobContext context, DoubleConsumer progress,
                                String pollerName, Work<T> work) throws SQLException {
        context.checkCancelled();
        try (DuckDBPreparedStatement ps = c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
            AtomicBoolean running = new AtomicBoolean(true);
            context.onCancel(() -> {
                if (running.get()) {
                    try {
                        ps.cancel();
                    } catch (SQLException ignored) {
                        // the statement already ended
                    }
                }
            });
            Thread poller = Thread.ofPlatform().daemon().name(pollerName).start(() -> poll(ps, running, progress));
            try {
                return work.run(ps);
            } catch (SQLException e) {
                if (context.isCancelled()) {
                    throw new JobCancelledException();
                }
                throw e;
            } finally {
                running.set(false);
                poller.interrupt();
                joinQuietly(poller);
            }
        }
    }

    private static void poll(DuckDBPreparedStatement ps, AtomicBoolean running, DoubleConsumer progress) {
        try {
            while (running.get()) {
                Thread.sleep(POLL_MILLIS);
                if (!running.get()) {
                    return;
                }
                QueryProgress qp = ps.getQueryProgress();
                double pct = qp.getPercentage();
                progress.accept(pct < 0 ? -1 : Math.min(1, pct / 100));
            }
        } catch (InterruptedException | SQLException | RuntimeException e) {
            // the query ended (or cannot report); progress is best effort by design
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
