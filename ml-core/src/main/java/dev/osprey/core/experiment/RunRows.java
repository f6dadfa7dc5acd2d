package dev.osprey.core.experiment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads runs and their child rows from the catalog. */
final class RunRows {
    private RunRows() {
    }

    /** {@code rs} is positioned on a row of (id, experiment_id, name, status, started_at, ended_at, message). */
    static Run run(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String ended = rs.getString(6);
        return new Run(new RunId(id), new ExperimentId(rs.getLong(2)), rs.getString(3), RunStatus.valueOf(rs.getString(4)),
                Instant.parse(rs.getString(5)), Optional.ofNullable(ended).map(Instant::parse),
                Optional.ofNullable(rs.getString(7)), pairs(c, "run_param", id), latestMetrics(c, id),
                pairs(c, "run_tag", id), artifacts(c, id));
    }

    static List<MetricPoint> history(Connection c, long runId, String key) throws SQLException {
        List<MetricPoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT step, value FROM run_metric WHERE run_id = ? AND key = ? ORDER BY step")) {
            ps.setLong(1, runId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MetricPoint(key, rs.getLong(1), value(rs, 2)));
                }
            }
        }
        return out;
    }

    private static Map<String, String> pairs(Connection c, String table, long runId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM " + table + " WHERE run_id = ? ORDER BY key")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The value at the highest step of each metric. */
    private static Map<String, Double> latestMetrics(Connection c, long runId) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT m.key, m.value FROM run_metric m WHERE m.run_id = ? AND m.step ="
                        + " (SELECT MAX(step) FROM run_metric WHERE run_id = m.run_id AND key = m.key) ORDER BY m.key")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), value(rs, 2));
                }
            }
        }
        return out;
    }

    private static List<Artifact> artifacts(Connection c, long runId) throws SQLException {
        List<Artifact> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, path, sha256, size_bytes FROM run_artifact WHERE run_id = ? ORDER BY name")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Artifact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    private static double value(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
