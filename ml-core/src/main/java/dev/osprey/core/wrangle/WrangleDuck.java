package dev.osprey.core.wrangle;

import dev.osprey.core.data.Dataset;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recipe engine's embedded in-memory DuckDB, and the preview samples it holds: the first rows of
 * a source copied into a table once, so each edit's preview reads memory, not the file.
 */
final class WrangleDuck implements AutoCloseable {
    record Sample(String table, long rows) {
    }

    private final DuckDBConnection root;
    private final Path spillDir;
    /** By the source's read SQL (it changes when the dataset's schema is edited). */
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    WrangleDuck() {
        try {
            spillDir = Files.createTempDirectory("osprey-recipes-");
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement st = root.createStatement()) {
                st.execute("SET GLOBAL temp_directory = " + SqlText.literal(spillDir.toString()));
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start DuckDB for recipes: " + e.getMessage(), e);
        }
    }

    synchronized DuckDBConnection connect() throws SQLException {
        DuckDBConnection c = root.duplicate();
        try (Statement st = c.createStatement()) {
            st.execute("SET enable_progress_bar = true");
            st.execute("SET enable_progress_bar_print = false");
        }
        return c;
    }

    Sample sample(DuckDBConnection c, Dataset d, String selectSql, int rows) throws SQLException {
        String key = d.id().value() + ":" + d.fingerprint() + ":" + selectSql;
        Sample s = samples.get(key);
        if (s != null) {
            return s;
        }
        synchronized (this) {
            s = samples.get(key);
            if (s != null) {
                return s;
            }
            String table = SqlText.ident("sample_" + d.id().value() + "_" + samples.size());
            try (Statement st = c.createStatement()) {
                st.execute("CREATE OR REPLACE TABLE " + table + " AS " + selectSql + " LIMIT " + rows);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    s = new Sample(table, rs.getLong(1));
                }
            }
            samples.put(key, s);
            return s;
        }
    }

    @Override
    public synchronized void close() {
        try {
            root.close();
        } catch (SQLException ignored) {
            // closing; nothing to recover
        }
        try (var files = Files.walk(spillDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover empty temp folder is harmless
        }
    }
}
