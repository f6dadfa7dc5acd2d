package dev.osprey.core.experiment;

import dev.osprey.core.workspace.Catalog;
import dev.osprey.core.workspace.SqlWork;
import dev.osprey.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Experiments and their runs in the workspace catalog: life cycle, parameters, metrics with
 * steps, tags (provenance) and artifacts. Every call is one catalog transaction; thread-safe
 * because the catalog serialises its connection.
 */
public final class ExperimentStore {
    private final Catalog catalog;

    public ExperimentStore(Workspace workspace) {
        this.catalog = workspace.catalog();
    }

    /** The experiment called {@code name}, created when missing. */
    public Experiment ensureExperiment(String name) throws ExperimentException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An experiment needs a name.");
        }
        return call(c -> {
            Optional<Experiment> found = findExperiment(c, name);
            if (found.isPresent()) {
                return found.get();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment(name, created_at) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, Instant.now().toString());
                ps.executeUpdate();
            }
            return findExperiment(c, name).orElseThrow();
        }, true);
    }

    public List<Experiment> experiments() throws ExperimentException {
        return call(c -> {
            List<Experiment> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, name, created_at FROM experiment ORDER BY id")) {
                while (rs.next()) {
                    out.add(experiment(rs));
                }
            }
            return out;
        }, false);
    }

    /** Starts a RUNNING run with its parameters and tags. */
    public RunId startRun(ExperimentId experiment, String name, Map<String, String> params, Map<String, String> tags)
            throws ExperimentException {
        return call(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run(experiment_id, name, status, started_at) VALUES (?, ?, 'RUNNING', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, experiment.value());
                ps.setString(2, name);
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            putAll(c, "run_param", id, params);
            putAll(c, "run_tag", id, tags);
            return new RunId(id);
        }, true);
    }

    /** Records metric values; a value logged again at the same step replaces the old one. */
    public void logMetrics(RunId run, Collection<MetricPoint> points) throws ExperimentException {
        if (points.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO run_metric(run_id, key, step, value, logged_at) VALUES (?, ?, ?, ?, ?)")) {
                for (MetricPoint p : points) {
                    ps.setLong(1, run.value());
                    ps.setString(2, p.key());
                    ps.setLong(3, p.step());
                    if (Double.isFinite(p.value())) {
                        ps.setDouble(4, p.value());
                    } else {
                        ps.setNull(4, Types.REAL);
                    }
                    ps.setString(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        }, true);
    }

    /** Adds or replaces parameters (e.g. the problem type once the data has been read). */
    public void setParams(RunId run, Map<String, String> params) throws ExperimentException {
        call(c -> {
            putAll(c, "run_param", run.value(), params);
            return null;
        }, true);
    }

    public void setTags(RunId run, Map<String, String> tags) throws ExperimentException {
        call(c -> {
            putAll(c, "run_tag", run.value(), tags);
            return null;
        }, true);
    }

    public void addArtifact(RunId run, Artifact artifact) throws ExperimentException {
        call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO run_artifact(run_id, name, path, sha256, size_bytes) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, run.value());
                ps.setString(2, artifact.name());
                ps.setString(3, artifact.path());
                ps.setString(4, artifact.sha256());
                ps.setLong(5, artifact.sizeBytes());
                ps.executeUpdate();
            }
            return null;
        }, true);
    }

    /** Ends a RUNNING run; {@code message} (may be null) says why it failed or was cancelled. */
    public void finish(RunId run, RunStatus status, String message) throws ExperimentException {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("A run is finished as FINISHED, FAILED or CANCELLED, not " + status);
        }
        int changed = call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE run SET status = ?, ended_at = ?, message = ? WHERE id = ? AND status = 'RUNNING'")) {
                ps.setString(1, status.name());
                ps.setString(2, Instant.now().toString());
                ps.setString(3, message);
                ps.setLong(4, run.value());
                return ps.executeUpdate();
            }
        }, true);
        if (changed == 0) {
            throw new ExperimentException("The run " + run + " does not exist or has already ended.");
        }
    }

    public Run get(RunId run) throws ExperimentException {
        return find(run).orElseThrow(() -> new ExperimentException("There is no run " + run + " in this workspace."));
    }

    public Optional<Run> find(RunId run) throws ExperimentException {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, experiment_id, name, status, started_at, ended_at, message FROM run WHERE id = ?")) {
                ps.setLong(1, run.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RunRows.run(c, rs)) : Optional.empty();
                }
            }
        }, false);
    }

    /** The runs of an experiment, newest first. */
    public List<Run> runs(ExperimentId experiment) throws ExperimentException {
        return call(c -> {
            List<Run> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, experiment_id, name, status, started_at, ended_at, message FROM run"
                            + " WHERE experiment_id = ? ORDER BY id DESC")) {
                ps.setLong(1, experiment.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RunRows.run(c, rs));
                    }
                }
            }
            return out;
        }, false);
    }

    /** Every value of one metric of a run, by step. */
    public List<MetricPoint> history(RunId run, String key) throws ExperimentException {
        return call(c -> RunRows.history(c, run.value(), key), false);
    }

    /** The names of all metrics a run logged. */
    public List<String> metricKeys(RunId run) throws ExperimentException {
        return call(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT key FROM run_metric WHERE run_id = ? ORDER BY key")) {
                ps.setLong(1, run.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return keys;
        }, false);
    }

    /** Marks runs left RUNNING by a process that died as FAILED; returns how many. */
    public int failAbandonedRuns(String message) throws ExperimentException {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE run SET status = 'FAILED', ended_at = ?, message = ? WHERE status = 'RUNNING'")) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, message);
                return ps.executeUpdate();
            }
        }, true);
    }

    private static Optional<Experiment> findExperiment(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created_at FROM experiment WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(experiment(rs)) : Optional.empty();
            }
        }
    }

    private static Experiment experiment(ResultSet rs) throws SQLException {
        return new Experiment(new ExperimentId(rs.getLong(1)), rs.getString(2), Instant.parse(rs.getString(3)));
    }

    private static void putAll(Connection c, String table, long runId, Map<String, String> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO " + table + "(run_id, key, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(values).entrySet()) {
                ps.setLong(1, runId);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue() == null ? "" : e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private <T> T call(SqlWork<T> work, boolean write) throws ExperimentException {
        try {
            return write ? catalog.inTransaction(work) : catalog.read(work);
        } catch (SQLException e) {
            throw new ExperimentException("Cannot " + (write ? "write" : "read") + " runs in the workspace catalog: "
                    + e.getMessage(), e);
        }
    }
}
