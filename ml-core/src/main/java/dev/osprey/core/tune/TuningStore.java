package dev.osprey.core.tune;

import dev.osprey.core.data.DatasetId;
import dev.osprey.core.experiment.ExperimentId;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.json.Json;
import dev.osprey.core.workspace.Catalog;
import dev.osprey.core.workspace.SqlWork;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Tuning jobs and trials in the workspace catalog (tables of V005__tuning.sql); one transaction per call. */
final class TuningStore {
    private static final String JOB_COLUMNS = "id, name, experiment_id, dataset_id, target, algorithm, space, metric, direction, "
            + "strategy, pruning, max_trials, max_seconds, parallelism, seed, warm_start_id, status, started_at, ended_at, "
            + "message, best_trial";

    private final Catalog catalog;

    TuningStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A tuning job as it is about to start. */
    record NewJob(String name, ExperimentId experiment, DatasetId dataset, String target, String algorithm,
                  Map<String, Object> template, SearchSpace space, Objective objective, Strategy strategy, Pruning pruning,
                  Budget budget, int parallelism, long seed, Optional<TuningJobId> warmStart) {
    }

    TuningJobId create(NewJob j) throws TuningException {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tuning_job(name, experiment_id, dataset_id, target, "
                    + "algorithm, template, space, metric, direction, strategy, pruning, max_trials, max_seconds, parallelism, "
                    + "seed, warm_start_id, status, started_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'RUNNING',?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, j.name());
                ps.setLong(2, j.experiment().value());
                ps.setLong(3, j.dataset().value());
                ps.setString(4, j.target());
                ps.setString(5, j.algorithm());
                ps.setString(6, Json.write(j.template()));
                ps.setString(7, j.space().toString());
                ps.setString(8, j.objective().metric());
                ps.setString(9, j.objective().direction().name());
                ps.setString(10, j.strategy().name());
                ps.setString(11, j.pruning().name());
                ps.setInt(12, j.budget().maxTrials());
                if (j.budget().maxTime().isPresent()) {
                    ps.setLong(13, j.budget().maxTime().get().toSeconds());
                } else {
                    ps.setNull(13, Types.INTEGER);
                }
                ps.setInt(14, j.parallelism());
                ps.setLong(15, j.seed());
                if (j.warmStart().isPresent()) {
                    ps.setLong(16, j.warmStart().get().value());
                } else {
                    ps.setNull(16, Types.INTEGER);
                }
                ps.setString(17, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new TuningJobId(keys.getLong(1));
                }
            }
        }, true);
    }

    void saveTrial(TuningJobId job, Trial t) throws TuningException {
        call(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO tuning_trial(job_id, number, params, state, "
                    + "value, run_id, last_step, elapsed_ms, message) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, job.value());
                ps.setInt(2, t.number());
                ps.setString(3, Json.write(t.params()));
                ps.setString(4, t.state().name());
                if (t.value().isPresent()) {
                    ps.setDouble(5, t.value().getAsDouble());
                } else {
                    ps.setNull(5, Types.REAL);
                }
                if (t.run().isPresent()) {
                    ps.setLong(6, t.run().get().value());
                } else {
                    ps.setNull(6, Types.INTEGER);
                }
                ps.setInt(7, t.lastStep());
                ps.setLong(8, t.elapsed().toMillis());
                ps.setString(9, t.message());
                ps.executeUpdate();
            }
            return null;
        }, true);
    }

    void finish(TuningJobId job, TuningStatus status, Optional<Integer> best, String message) throws TuningException {
        call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tuning_job SET status = ?, ended_at = ?, best_trial = ?, message = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, Instant.now().toString());
                if (best.isPresent()) {
                    ps.setInt(3, best.get());
                } else {
                    ps.setNull(3, Types.INTEGER);
                }
                ps.setString(4, message);
                ps.setLong(5, job.value());
                ps.executeUpdate();
            }
            return null;
        }, true);
    }

    /** Marks jobs a dead process left RUNNING as FAILED; their finished trials stay. */
    int failAbandoned(String message) throws TuningException {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tuning_job SET status = 'FAILED', ended_at = ?, message = ? WHERE status = 'RUNNING'")) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, message);
                return ps.executeUpdate();
            }
        }, true);
    }

    List<TuningJob> jobs() throws TuningException {
        return call(c -> {
            List<TuningJob> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + JOB_COLUMNS + " FROM tuning_job ORDER BY id DESC")) {
                while (rs.next()) {
                    out.add(job(rs));
                }
            }
            return out;
        }, false);
    }

    Optional<TuningJob> find(TuningJobId id) throws TuningException {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM tuning_job WHERE id = ?")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(job(rs)) : Optional.empty();
                }
            }
        }, false);
    }

    List<Trial> trials(TuningJobId id) throws TuningException {
        return call(c -> {
            List<Trial> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT number, params, state, value, run_id, last_step, elapsed_ms, "
                    + "message FROM tuning_trial WHERE job_id = ? ORDER BY number")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(trial(rs));
                    }
                }
            }
            return out;
        }, false);
    }

    private static Trial trial(ResultSet rs) throws SQLException {
        Map<String, String> params = new LinkedHashMap<>();
        if (Json.parse(rs.getString(2)) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
        }
        double v = rs.getDouble(4);
        OptionalDouble value = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
        long run = rs.getLong(5);
        Optional<RunId> runId = rs.wasNull() ? Optional.empty() : Optional.of(new RunId(run));
        return new Trial(rs.getInt(1), params, TrialState.valueOf(rs.getString(3)), value, runId, rs.getInt(6),
                Duration.ofMillis(rs.getLong(7)), rs.getString(8));
    }

    private static TuningJob job(ResultSet rs) throws SQLException {
        long exp = rs.getLong(3);
        Optional<ExperimentId> experiment = rs.wasNull() ? Optional.empty() : Optional.of(new ExperimentId(exp));
        long seconds = rs.getLong(13);
        Optional<Duration> maxTime = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
        long warm = rs.getLong(16);
        Optional<TuningJobId> warmStart = rs.wasNull() ? Optional.empty() : Optional.of(new TuningJobId(warm));
        String ended = rs.getString(19);
        int best = rs.getInt(21);
        Optional<Integer> bestTrial = rs.wasNull() ? Optional.empty() : Optional.of(best);
        return new TuningJob(new TuningJobId(rs.getLong(1)), rs.getString(2), experiment, new DatasetId(rs.getLong(4)),
                rs.getString(5), rs.getString(6), SearchSpace.parse(rs.getString(7)),
                new Objective(rs.getString(8), Direction.valueOf(rs.getString(9))), Strategy.valueOf(rs.getString(10)),
                Pruning.valueOf(rs.getString(11)), new Budget(rs.getInt(12), maxTime), rs.getInt(14), rs.getLong(15),
                warmStart, TuningStatus.valueOf(rs.getString(17)), Instant.parse(rs.getString(18)),
                ended == null ? Optional.empty() : Optional.of(Instant.parse(ended)),
                rs.getString(20) == null ? "" : rs.getString(20), bestTrial);
    }

    private <T> T call(SqlWork<T> work, boolean write) throws TuningException {
        try {
            return write ? catalog.inTransaction(work) : catalog.read(work);
        } catch (SQLException e) {
            throw new TuningException("Cannot " + (write ? "write" : "read") + " tuning jobs in the workspace catalog: "
                    + e.getMessage(), e);
        }
    }
}
