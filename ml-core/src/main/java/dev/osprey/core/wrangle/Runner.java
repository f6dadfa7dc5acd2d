package dev.osprey.core.wrangle;

import dev.osprey.core.data.Query;
import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.DoubleConsumer;

/**
 * Runs one long statement (the full apply) so it can be watched and stopped: the data package's
 * {@link Query} polls DuckDB's progress, and cancelling the job cancels the statement.
 */
final class Runner {
    private Runner() {
    }

    /** Runs {@code sql} and returns the first column of its first row as a long (COPY returns the row count). */
    static long run(DuckDBConnection c, String sql, JobContext context, DoubleConsumer progress) throws SQLException {
        return Query.watched(c, sql, context, progress, "osprey-recipe-progress", ps -> {
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
            return Math.max(0, ps.getLargeUpdateCount());
        });
    }
}
