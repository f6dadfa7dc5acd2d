package dev.osprey.core.registry;

import dev.osprey.core.experiment.RunId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry's SQL. */
final class RegistryRows {
    private RegistryRows() {
    }

    static long ensureModel(Connection c, String name, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO model(name, created_at) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, now.toString());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM model WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static int latestVersion(Connection c, long modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM model_version WHERE model_id = ?")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<RegisteredModel> models(Connection c) throws SQLException {
        List<RegisteredModel> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT m.name, m.created_at, COALESCE(MAX(v.version), 0) FROM model m"
                        + " LEFT JOIN model_version v ON v.model_id = m.id GROUP BY m.id ORDER BY m.name")) {
            while (rs.next()) {
                out.add(new RegisteredModel(rs.getString(1), Instant.parse(rs.getString(2)), rs.getInt(3), Map.of()));
            }
        }
        List<RegisteredModel> withAliases = new ArrayList<>();
        for (RegisteredModel m : out) {
            withAliases.add(new RegisteredModel(m.name(), m.createdAt(), m.latestVersion(), aliases(c, m.name())));
        }
        return withAliases;
    }

    private static Map<String, Integer> aliases(Connection c, String name) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.alias, a.version FROM model_alias a JOIN model m ON m.id = a.model_id"
                + " WHERE m.name = ? ORDER BY a.alias")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    static List<ModelVersion> versions(Connection c, String name) throws SQLException {
        Map<String, Integer> aliases = aliases(c, name);
        List<ModelVersion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.version, v.run_id, v.status, v.path, v.sha256, v.created_at"
                + " FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.name = ? ORDER BY v.version DESC")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int version = rs.getInt(1);
                    long run = rs.getLong(2);
                    Optional<RunId> runId = rs.wasNull() ? Optional.empty() : Optional.of(new RunId(run));
                    List<String> own = aliases.entrySet().stream().filter(e -> e.getValue() == version).map(Map.Entry::getKey).toList();
                    out.add(new ModelVersion(name, version, runId, ApprovalStatus.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), Instant.parse(rs.getString(6)), own));
                }
            }
        }
        return out;
    }

    static Optional<Integer> alias(Connection c, String name, String alias) throws SQLException {
        return Optional.ofNullable(aliases(c, name).get(alias));
    }

    static int setStatus(Connection c, String name, int version, ApprovalStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE model_version SET status = ? WHERE version = ?"
                + " AND model_id = (SELECT id FROM model WHERE name = ?)")) {
            ps.setString(1, status.name());
            ps.setInt(2, version);
            ps.setString(3, name);
            return ps.executeUpdate();
        }
    }

    static int setAlias(Connection c, String name, String alias, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO model_alias(model_id, alias, version)"
                + " SELECT id, ?, ? FROM model WHERE name = ?")) {
            ps.setString(1, alias);
            ps.setInt(2, version);
            ps.setString(3, name);
            return ps.executeUpdate();
        }
    }

    static int removeAlias(Connection c, String name, String alias) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_alias WHERE alias = ?"
                + " AND model_id = (SELECT id FROM model WHERE name = ?)")) {
            ps.setString(1, alias);
            ps.setString(2, name);
            return ps.executeUpdate();
        }
    }

    static int deleteVersion(Connection c, String name, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_version WHERE version = ?"
                + " AND model_id = (SELECT id FROM model WHERE name = ?)")) {
            ps.setInt(1, version);
            ps.setString(2, name);
            return ps.executeUpdate();
        }
    }
}
