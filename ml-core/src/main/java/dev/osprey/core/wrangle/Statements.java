package dev.osprey.core.wrangle;

import dev.osprey.core.job.JobContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Hands out the statements of one recipe walk and cancels the running one when the job is cancelled:
 * a fit query over ten million rows must stop at once, not when it is done.
 */
final class Statements {
    private final Connection connection;
    private final JobContext context;
    private volatile Statement current;

    Statements(Connection connection, JobContext context) {
        this.connection = connection;
        this.context = context;
        context.onCancel(() -> {
            Statement s = current;
            if (s != null) {
                try {
                    s.cancel();
                } catch (SQLException ignored) {
                    // it already ended
                }
            }
        });
    }

    /** A new statement (the caller closes it); throws JobCancelledException when the job was cancelled. */
    Statement create() throws SQLException {
        context.checkCancelled();
        Statement s = connection.createStatement();
        current = s;
        return s;
    }

    boolean cancelled() {
        return context.isCancelled();
    }
}
