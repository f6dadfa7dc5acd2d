package dev.osprey.core.data;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

/**
 * One embedded, in-memory DuckDB for a workspace. Each operation takes its own connection
 * ({@link DuckDBConnection#duplicate()}) so imports on a job thread and previews on another
 * never share a connection. Spill files go to a private temporary folder, removed on close.
 */
final class DuckEngine implements AutoCloseable {
    private final DuckDBConnection root;
    private final Path spillDir;

    DuckEngine() throws SQLException {
        try {
            spillDir = Files.createTempDirectory("osprey-duckdb-");
        } catch (IOException e) {
            throw new SQLException("cannot create a temporary folder for DuckDB: " + e.getMessage(), e);
        }
        root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = root.createStatement()) {
            st.execute("SET GLOBAL temp_directory = " + Sql.literal(spillDir.toString()));
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** A new connection to the shared database; the caller closes it. */
    synchronized DuckDBConnection connect() throws SQLException {
        DuckDBConnection c = root.duplicate();
        try (Statement st = c.createStatement()) {
            // Progress is only tracked when the progress bar is on; printing it would go to stdout.
            st.execute("SET enable_progress_bar = true");
            st.execute("SET enable_progress_bar_print = false");
        }
        return c;
    }

    @Override
    public synchronized void close() {
        try {
            if (root != null) {
                root.close();
            }
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
