package dev.osprey.core.quality;

import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A private in-memory DuckDB for one report. The dataset is read from its file once into a
 * temporary table ({@value #TABLE}); every later pass reads that table, so the file is parsed a
 * single time. Cancelling the job cancels the statement that runs. Spill files go to a private
 * folder removed on close (an in-memory DuckDB would otherwise spill into the working folder).
 */
final class DuckSession implements AutoCloseable {
    static final String TABLE = "src";

    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Path spillDir;
    private final JobContext context;
    private final AtomicReference<Statement> running = new AtomicReference<>();

    private DuckSession(Connection connection, Path spillDir, JobContext context) {
        this.connection = connection;
        this.spillDir = spillDir;
        this.context = context;
        context.onCancel(this::cancelRunning);
    }

    static DuckSession open(JobContext context) throws SQLException {
        Path spill;
        try {
            spill = Files.createTempDirectory("osprey-quality-");
        } catch (IOException e) {
            throw new SQLException("cannot create a temporary folder for DuckDB: " + e.getMessage(), e);
        }
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        DuckSession s = new DuckSession(c, spill, context);
        try (Statement st = c.createStatement()) {
            st.execute("SET temp_directory = " + literal(spill.toString()));
        } catch (SQLException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Reads the dataset's SELECT into the session's table, once. */
    void load(String selectSql) throws SQLException {
        execute("CREATE TEMP TABLE " + TABLE + " AS " + selectSql);
    }

    void execute(String sql) throws SQLException {
        query(sql, rs -> null, false);
    }

    <T> T query(String sql, Rows<T> rows) throws SQLException {
        return query(sql, rows, true);
    }

    private <T> T query(String sql, Rows<T> rows, boolean returnsRows) throws SQLException {
        context.checkCancelled();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            running.set(ps);
            if (context.isCancelled()) {
                throw new JobCancelledException();
            }
            if (!returnsRows) {
                ps.execute();
                return null;
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            if (context.isCancelled()) {
                throw new JobCancelledException();
            }
            throw e;
        } finally {
            running.set(null);
        }
    }

    private void cancelRunning() {
        Statement st = running.get();
        if (st != null) {
            try {
                st.cancel();
            } catch (SQLException ignored) {
                // the statement already ended
            }
        }
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to recover when closing
        }
        try (var files = Files.walk(spillDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover empty folder in the system temp dir is harmless
        }
    }
}
