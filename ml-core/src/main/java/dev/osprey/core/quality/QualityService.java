package dev.osprey.core.quality;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.quality.ColumnProfile.ValueCount;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import dev.osprey.core.train.TrainingService;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the data quality and insights report of a dataset. Runs synchronously on the caller's
 * thread, reporting progress to the {@link JobContext} and stopping when it is cancelled (submit
 * it to a JobService for the background). The statistics come from a private DuckDB that reads
 * the dataset's file once; the quick model is an ordinary training through the
 * {@link TrainingService}, which records every training as a run: it lands in the experiment
 * {@value #EXPERIMENT}, apart from the user's own experiments.
 */
public final class QualityService {
    public static final String EXPERIMENT = "quality-report";
    static final String QUICK_ALGORITHM = "xgboost";
    /**
     * The quick model trains on a seeded sample of at most this many rows: it is an indication of how
     * learnable the target is, and on 1M rows the full fit alone would spend the report's time budget.
     */
    static final long QUICK_MAX_ROWS = 100_000;
    /** Threads for the quick model (see {@link #quickModel}). */
    static final int QUICK_THREADS = 1;
    /** A numeric target with more distinct values than this is a regression (as training infers it). */
    static final int REGRESSION_MIN_DISTINCT = 10;
    static final int MAX_CLASSES = 200;

    private final DatasetService datasets;
    private final TrainingService training;

    public QualityService(DatasetService datasets, TrainingService training) {
        this.datasets = Objects.requireNonNull(datasets);
        this.training = Objects.requireNonNull(training);
    }

    /**
     * The report. Throws {@link QualityException} for an unknown dataset or target column, an empty
     * dataset or data that cannot be read; {@link JobCancelledException} when cancelled.
     */
    public QualityReport profile(QualityRequest request, JobContext context) throws QualityException {
        JobContext job = context == null ? JobContext.NONE : context;
        Instant start = Instant.now();
        Dataset d = dataset(request);
        Optional<Column> target = target(d, request);
        List<String> notes = new ArrayList<>();
        ColumnProfiler.Result stats;
        long duplicates;
        Optional<TargetSummary> summary = Optional.empty();
        List<LeakageScore> leakage = List.of();
        boolean trainable = false;
        try (DuckSession s = DuckSession.open(job)) {
            job.progress(0.02, "Reading " + d.name());
            s.load(datasets.selectSql(d));
            job.progress(0.15, "Column statistics");
            stats = ColumnProfiler.profile(s, d.columns(), d.rowCount());
            if (stats.rows() == 0) {
                throw new QualityException("The dataset '" + d.name() + "' has no rows: there is nothing to profile.");
            }
            job.progress(0.3, "Duplicate rows");
            duplicates = stats.rows() - s.query("SELECT count(*) FROM (SELECT DISTINCT * FROM " + DuckSession.TABLE + ")",
                    rs -> {
                        rs.next();
                        return rs.getLong(1);
                    });
            if (target.isPresent()) {
                ColumnProfile tp = stats.columns().stream().filter(c -> c.name().equals(target.get().name())).findFirst().orElseThrow();
                TargetSummary t = targetSummary(s, target.get(), tp);
                summary = Optional.of(t);
                if (tp.isConstant()) {
                    notes.add("The target has a single value: no leakage check and no quick model.");
                } else if (t.classes().size() > MAX_CLASSES) {
                    notes.add("The target has more than " + MAX_CLASSES + " classes: no leakage check and no quick model.");
                } else {
                    job.progress(0.35, "Predictive power of each column");
                    List<Column> features = d.columns().stream()
                            .filter(c -> c.role() == ColumnRole.FEATURE && !c.name().equals(target.get().name())).toList();
                    List<String> labels = t.classes().stream().map(ValueCount::value).sorted().toList();
                    trainable = !features.isEmpty();
                    if (!trainable) {
                        notes.add("No FEATURE columns besides the target: no leakage check and no quick model.");
                    }
                    leakage = LeakageProbe.probe(s, features, target.get(), t.problemType(), labels,
                            request.leakageSampleRows(), request.seed(), job,
                            f -> job.progress(0.35 + 0.2 * f, "Predictive power of each column"));
                }
            } else {
                notes.add("No target column: choose one to see class balance, leakage and a quick model.");
            }
        } catch (SQLException e) {
            if (job.isCancelled()) {
                throw new JobCancelledException();
            }
            throw new QualityException("Cannot read the dataset '" + d.name() + "': " + e.getMessage(), e);
        }
        Optional<QuickModel> quick = Optional.empty();
        if (request.quickModel() && trainable) {
            quick = quickModel(d, summary.get(), notes, job);
        }
        List<QualityWarning> warnings = WarningRules.evaluate(stats.rows(), duplicates, stats.columns(), summary, leakage);
        job.progress(1, "Report ready");
        return new QualityReport(d.name(), stats.rows(), duplicates, stats.columns(), summary, leakage, quick, warnings, notes,
                start, Duration.between(start, Instant.now()));
    }

    private Dataset dataset(QualityRequest request) throws QualityException {
        try {
            return datasets.get(request.dataset());
        } catch (DataException e) {
            throw new QualityException(e.getMessage(), e);
        }
    }

    private static Optional<Column> target(Dataset d, QualityRequest request) throws QualityException {
        if (d.columns().isEmpty()) {
            throw new QualityException("The dataset '" + d.name() + "' has no columns: there is nothing to profile.");
        }
        if (request.target().isEmpty()) {
            return Optional.empty();
        }
        String name = request.target().get();
        Optional<Column> c = d.column(name);
        if (c.isEmpty()) {
            throw new QualityException("The dataset '" + d.name() + "' has no column '" + name + "'. Its columns are: "
                    + String.join(", ", d.columns().stream().map(Column::name).toList()) + ".");
        }
        return c;
    }

    private static TargetSummary targetSummary(DuckSession s, Column target, ColumnProfile profile) throws SQLException {
        String id = DuckSession.ident(target.name());
        long distinct = s.query("SELECT count(DISTINCT " + id + ") FROM " + DuckSession.TABLE, rs -> {
            rs.next();
            return rs.getLong(1);
        });
        ProblemType type = target.type().isNumeric() && distinct > REGRESSION_MIN_DISTINCT ? ProblemType.REGRESSION
                : distinct <= 2 ? ProblemType.BINARY : ProblemType.MULTICLASS;
        List<ValueCount> classes = new ArrayList<>();
        if (type != ProblemType.REGRESSION) {
            s.query("SELECT " + id + "::VARCHAR, count(*) FROM " + DuckSession.TABLE + " WHERE " + id
                    + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + (MAX_CLASSES + 1), rs -> {
                        while (rs.next()) {
                            classes.add(new ValueCount(rs.getString(1), rs.getLong(2)));
                        }
                        return null;
                    });
        }
        return new TargetSummary(target.name(), type, profile.missing(), classes);
    }

    private Optional<QuickModel> quickModel(Dataset d, TargetSummary t, List<String> notes, JobContext job) {
        // One thread: XGBoost's OpenMP threads spin at every barrier and crawl when the cores are shared (on
        // 80,000 rows, 2 threads took 4.9-5.5 s at load average 3 where 1 thread took 1.5-1.8 s), and the
        // studio's UI keeps a core; on so few rows a second thread would save well under a second.
        TrainingRequest request = TrainingRequest.of(d.id(), t.column(), QUICK_ALGORITHM).withExperiment(EXPERIMENT)
                .withRowLimit(QUICK_MAX_ROWS).withThreads(QUICK_THREADS);
        sampleNote(d.rowCount()).ifPresent(notes::add);
        JobContext scaled = new ScaledContext(job, 0.55, 0.99);
        try {
            job.progress(0.55, "Quick model (boosted trees)");
            TrainingResult r = training.train(request, scaled);
            Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
            metrics.keySet().removeIf(k -> k.contains("["));
            return Optional.of(new QuickModel(QUICK_ALGORITHM, r.model().signature().problemType(), metrics,
                    r.importance().byColumn(), r.runId(), r.trainRows(), r.validRows(), r.elapsed()));
        } catch (TrainingException e) {
            if (job.isCancelled()) {
                throw new JobCancelledException();
            }
            notes.add("No quick model: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The report's line saying the quick model saw a sample, when the dataset is larger than the cap. */
    static Optional<String> sampleNote(long rows) {
        return rows <= QUICK_MAX_ROWS ? Optional.empty() : Optional.of(String.format(java.util.Locale.ROOT,
                "The quick model trained on a seeded sample of %,d of the %,d rows, for speed.", QUICK_MAX_ROWS, rows));
    }

    /** Maps a sub-task's progress [0, 1] onto [from, to] of the report's. */
    private record ScaledContext(JobContext delegate, double from, double to) implements JobContext {
        @Override
        public void progress(double fraction, String message) {
            delegate.progress(fraction < 0 ? from : from + (to - from) * Math.min(1, fraction), message);
        }

        @Override
        public void log(String line) {
            delegate.log(line);
        }

        @Override
        public boolean isCancelled() {
            return delegate.isCancelled();
        }

        @Override
        public void onCancel(Runnable hook) {
            delegate.onCancel(hook);
        }
    }
}
