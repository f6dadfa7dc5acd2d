package dev.osprey.core.wrangle;

import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

/**
 * Runs one long statement (the full apply) so it can be watched and stopped: a small thread polls
 * DuckDB's progress, and cancelling the job cancels the statement.
 */
final class Runner {
    private static final long POLL_MILLIS = 200;

    private Runner() {
    }

    /** Runs {@code sql} and returns the first column of its first row as a long (COPY returns the row count). */
    static long run(DuckDBConnection c, String sql, JobContext context, DoubleConsumer progress) throws SQLException {
        context.checkCancelled();
        try (DuckDBPreparedStatement ps = c.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
            AtomicBoolean running = new AtomicBoolean(true);
            context.onCancel(() -> {
                if (running.get()) {
                    try {
                        ps.cancel();
                    } catch (SQLException ignored) {
                        // it already ended
                    }
                }
            });
            Thread poller = Thread.ofPlatform().daemon().name("osprey-recipe-progress").start(() -> poll(ps, running, progress));
            try {
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        return rs.next() ? rs.getLong(1) : 0;
                    }
                }
                return Math.max(0, ps.getLargeUpdateCount());
            } catch (SQLException e) {
                if (context.isCancelled()) {
                    throw new JobCancelledException();
                }
                throw e;
            } finally {
                running.set(false);
                poller.interrupt();
                try {
                    poller.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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
                double pct = ps.getQueryProgress().getPercentage();
                progress.accept(pct < 0 ? -1 : Math.min(1, pct / 100));
            }
        } catch (InterruptedException | SQLException | RuntimeException e) {
            // the statement ended or cannot report; progress is best effort
        }
    }
}
