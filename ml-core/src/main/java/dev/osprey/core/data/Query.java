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
 * Runs one long DuckDB query so that it can be watched and stopped: a small thread polls the
 * statement's progress while it runs, and cancelling the job cancels the statement.
 */
final class Query {
    private static final long POLL_MILLIS = 200;

    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Query() {
    }

    /**
     * Runs {@code sql}; {@code progress} receives fractions in [0, 1] (or -1 while DuckDB cannot
     * tell). Throws {@link JobCancelledException} when the job was cancelled meanwhile.
     */
    static <T> T run(DuckDBConnection c, String sql, JobContext context, DoubleConsumer progress, Rows<T> rows)
            throws SQLException {
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
            Thread poller = Thread.ofPlatform().daemon().name("osprey-scan-progress").start(() -> poll(ps, running, progress));
            try (ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
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
