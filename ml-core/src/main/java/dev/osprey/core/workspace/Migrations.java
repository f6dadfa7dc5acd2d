package dev.osprey.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations, applied in order on open. {@code PRAGMA user_version} records the
 * last one applied; each migration runs in its own transaction together with the version bump.
 * Later capabilities append files to {@link #SCRIPTS}; a shipped script is never edited.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of(
            "V001__datasets.sql",
            "V002__experiments_and_models.sql",
            "V003__recipes.sql",
            "V004__labeling.sql",
            "V005__tuning.sql",
            "V006__endpoints.sql");

    private Migrations() {
    }

    static int latestVersion() {
        return SCRIPTS.size();
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void apply(Connection c) throws SQLException {
        int current = currentVersion(c);
        if (current > latestVersion()) {
            throw new SQLException("the catalog was written by a newer Osprey (schema version " + current
                    + ", this one knows " + latestVersion() + "); update Osprey to open it");
        }
        for (int v = current + 1; v <= latestVersion(); v++) {
            String sql = load(SCRIPTS.get(v - 1));
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String stmt : sql.split(";\\s*(\\r?\\n|$)")) {
                    if (!stmt.isBlank()) {
                        st.execute(stmt);
                    }
                }
                st.execute("PRAGMA user_version = " + v);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + SCRIPTS.get(v - 1) + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static String load(String name) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new SQLException("missing migration resource " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // drop full-line comments so statements split cleanly
            return text.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + name, e);
        }
    }
}
