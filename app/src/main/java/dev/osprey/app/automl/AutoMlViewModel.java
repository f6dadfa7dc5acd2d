package dev.osprey.app.automl;

import dev.osprey.app.AppContext;
import dev.osprey.app.jobpage.DatasetChoice;
import dev.osprey.app.jobpage.Failures;
import dev.osprey.app.jobpage.JobPageModel;
import dev.osprey.app.jobpage.PageWorker;
import dev.osprey.app.tune.Coalescer;
import dev.osprey.app.tune.MetricFormat;
import dev.osprey.app.tune.TuneState;
import dev.osprey.core.Engine;
import dev.osprey.core.automl.AutoMlEvent;
import dev.osprey.core.automl.AutoMlException;
import dev.osprey.core.automl.AutoMlRequest;
import dev.osprey.core.automl.AutoMlResult;
import dev.osprey.core.automl.LeaderboardEntry;
import dev.osprey.core.quality.QualityWarning;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.Job;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.TrialState;
import dev.osprey.core.tune.TuningEvent;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The AutoML tab's state: dataset, target and time budget; the running search (a job of the job
 * center) with its data-check warnings and a leaderboard that fills in as candidates finish; the
 * winner's report; registering the winner and copying a candidate as a notebook cell. UI
 * executor only; events come back coalesced.
 */
public final class AutoMlViewModel extends JobPageModel<TuneState, AutoMlResult> {
    static final long FLUSH_MILLIS = 150;
    private static final Logger LOG = LoggerFactory.getLogger(AutoMlViewModel.class);
    private static final Failures FAILURES = Failures.CHECKED;

    private final Coalescer.Later later;
    /** The target's name alone decides the problem here; nothing to check again when it stays. */
    private final DatasetChoice data = new DatasetChoice(() -> {
    });
    private final ObjectProperty<Dataset> dataset = data.datasetProperty();
    private final StringProperty target = data.targetProperty();
    private final StringProperty minutes = new SimpleStringProperty(this, "minutes", "2");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Objective> objective = new ReadOnlyObjectWrapper<>(this, "objective");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final LiveLeaderboard board = new LiveLeaderboard();
    private final ReadOnlyObjectWrapper<AutoMlResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private TextClipboard clipboard = text -> {
    };

    public AutoMlViewModel(AppContext app) {
        this(app, PageWorker.start("osprey-automl-page"));
    }

    private AutoMlViewModel(AppContext app, ScheduledExecutorService worker) {
        this(app, worker, flush -> worker.schedule(flush, FLUSH_MILLIS, TimeUnit.MILLISECONDS));
    }

    AutoMlViewModel(AppContext app, Executor io, Coalescer.Later later) {
        super(app, io, TuneState.IDLE);
        this.later = Objects.requireNonNull(later);
        for (Observable in : new Observable[]{data.datasets(), dataset, target, minutes}) {
            in.addListener(o -> problem.set(findProblem()));
        }
        problem.set(findProblem());
        rules(Bindings.createBooleanBinding(() -> problem.get() == null && !state.get().isRunning(), problem, state),
                Bindings.createBooleanBinding(() -> result.get() != null && result.get().best().isPresent()
                        && registered.get() == null && !registering.get() && modelName.get() != null && !modelName.get().isBlank(),
                        result, registered, registering, modelName));
        app.engineProperty().addListener((o, a, b) -> {
            generation++;
            job = null;
            state.set(TuneState.IDLE);
            clear();
            refresh();
        });
    }

    /** The view gives the system clipboard; tests give a field. */
    public void setClipboard(TextClipboard c) {
        clipboard = Objects.requireNonNull(c);
    }

    /** The dataset and target to search on. */
    public DatasetChoice data() {
        return data;
    }

    public StringProperty minutesProperty() {
        return minutes;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Objective> objectiveProperty() {
        return objective.getReadOnlyProperty();
    }

    /** The data checks' warnings, one line each. */
    public ObservableList<String> warnings() {
        return warnings;
    }

    /** Every candidate: ranked ones first (best first), then the one tuning, the waiting and the failed. */
    public ObservableList<CandidateRow> leaderboard() {
        return board.rows();
    }

    public ReadOnlyObjectProperty<AutoMlResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public CompletableFuture<Void> refresh() {
        Engine engine = app.engine();
        if (engine == null) {
            data.datasets().clear();
            return CompletableFuture.completedFuture(null);
        }
        return inBackground(engine, e -> e.datasets().list(), (list, error) -> {
            if (engine != app.engine()) {
                return null;
            }
            if (error != null) {
                LOG.warn("Cannot list the datasets", Failures.unwrap(error));
                return null;
            }
            data.setDatasets(list);
            return null;
        });
    }

    /** Starts the search; the future completes once its end is on screen. */
    public CompletableFuture<Void> start() {
        AutoMlRequest request = fromForm(() -> AutoMlRequest.of(dataset.get().id(), target.get(), budget()).withParallelism(1),
                "Cannot start AutoML");
        if (request == null) {
            return CompletableFuture.completedFuture(null);
        }
        Engine engine = app.engine();
        long g = ++generation;
        clear();
        state.set(TuneState.RUNNING);
        progress.set(-1);
        message.set("Checking the data\u2026");
        Coalescer<AutoMlEvent> feed = new Coalescer<>(app.uiExecutor(), later, batch -> onEvents(g, batch));
        String name = dataset.get().name();
        Job<AutoMlResult> submitted = app.jobs().submit("AutoML on " + name + " \u2192 " + target.get(),
                ctx -> engine.automl().run(request, ctx, feed::add));
        return follow(submitted, (done, error) -> {
            feed.drainNow();
            finish(g, done, error);
            return null;
        });
    }

    public void stop() {
        stopJob("Stopping\u2026");
    }

    /** Registers the winner's run under {@link #modelNameProperty()}. */
    public CompletableFuture<ModelVersion> registerBest() {
        AutoMlResult r = result.get();
        String name = nameToRegister();
        if (name == null || r == null) {
            return CompletableFuture.completedFuture(null);
        }
        Engine engine = app.engine();
        LeaderboardEntry best = r.best().orElseThrow();
        return registerInBackground(engine, e -> e.registry().register(best.run(), name), (version, error) -> {
            if (error != null) {
                app.dialogs().showError("Cannot register the model", FAILURES.message(error), null);
                return null;
            }
            return announce(version, true);
        });
    }

    /** Copies a ranked candidate as a notebook cell that trains it again. */
    public void copyAsNotebookCell(CandidateRow row) {
        if (row == null || row.entry().isEmpty()) {
            return;
        }
        String datasetName = result.get() != null ? result.get().dataset() : dataset.get() == null ? "" : dataset.get().name();
        clipboard.put(row.entry().get().notebookCell(datasetName));
        app.dialogs().notify("Copied " + row.displayName() + " as a notebook cell.");
    }

    // --- internals --------------------------------------------------------------------------------

    private Duration budget() {
        double m = Double.parseDouble(minutes.get().strip());
        return Duration.ofMillis(Math.round(m * 60_000));
    }

    private String findProblem() {
        if (data.datasets().isEmpty()) {
            return "Import a dataset first (Data page).";
        }
        if (dataset.get() == null) {
            return "Choose a dataset.";
        }
        if (target.get() == null) {
            return "Choose the target column to predict.";
        }
        try {
            if (!(budget().toMillis() > 0)) {
                return "The time budget must be more than 0 minutes.";
            }
        } catch (NumberFormatException | NullPointerException e) {
            return "The time budget is a number of minutes, e.g. 2 or 0.5.";
        }
        return null;
    }

    private void onEvents(long g, List<AutoMlEvent> batch) {
        if (g != generation) {
            return;
        }
        for (AutoMlEvent e : batch) {
            switch (e) {
                case AutoMlEvent.ChecksDone c -> {
                    objective.set(c.objective());
                    warnings.setAll(warningLines(c.warnings()));
                    board.candidates(c.candidates());
                    message.set(c.candidates().size() + " candidates for a " + c.problemType().name().toLowerCase(Locale.ROOT)
                            + " problem, ranked by " + c.objective().metric() + " under cross-validation");
                }
                case AutoMlEvent.CandidateStarted s -> {
                    board.started(s.algorithm());
                    message.set("Tuning " + s.algorithm() + " (up to " + s.budget().toSeconds() + " s)");
                }
                case AutoMlEvent.CandidateProgress p -> {
                    if (p.event() instanceof TuningEvent.TrialFinished f && f.trial().state() != TrialState.RUNNING) {
                        board.trialFinished(p.algorithm(), f.trial(), objective.get());
                    }
                }
                case AutoMlEvent.CandidateFinished f -> {
                    if (f.entry().isEmpty()) {
                        board.failed(f.algorithm(), f.message());
                    }
                }
                case AutoMlEvent.LeaderboardChanged l -> board.ranked(l.leaderboard());
                case AutoMlEvent.Finished f -> {
                }
            }
        }
        board.sort();
        Job<AutoMlResult> running = job;
        if (running != null && state.get().isRunning()) {
            progress.set(running.progress() > 0 ? running.progress() : -1);
        }
    }

    private void finish(long g, AutoMlResult done, Throwable error) {
        if (g != generation) {
            return;
        }
        job = null;
        progress.set(1);
        if (error != null) {
            Throwable cause = Failures.unwrap(error);
            if (cause instanceof CancellationException) {
                state.set(TuneState.STOPPED);
                message.set("Stopped; the leaderboard keeps the candidates that finished.");
                return;
            }
            failure.set(FAILURES.message(error));
            state.set(TuneState.FAILED);
            message.set("Failed");
            if (!(cause instanceof AutoMlException) && !(cause instanceof IllegalArgumentException)) {
                app.dialogs().showError("AutoML failed", FAILURES.message(error), Failures.details(error));
            }
            return;
        }
        board.finalRanking(done.leaderboard());
        warnings.setAll(warningLines(done.checks()));
        objective.set(done.objective());
        if (modelName.get() == null || modelName.get().isBlank()) {
            modelName.set(target.get() == null ? "automl-best" : target.get().replace('_', '-') + "-auto");
        }
        result.set(done);
        state.set(done.stopped() ? TuneState.STOPPED : TuneState.FINISHED);
        message.set(done.best().map(b -> "Best: " + b.displayName() + ", " + done.objective().metric() + " "
                + MetricFormat.value(b.value()) + " under " + "cross-validation").orElse("No candidate finished in the budget.")
                + (done.notes().isEmpty() ? "" : " \u00b7 " + String.join("; ", done.notes())));
    }

    private void clear() {
        warnings.clear();
        board.clear();
        result.set(null);
        registered.set(null);
        failure.set(null);
        objective.set(null);
    }

    /** "Warning: ..." lines, the severity in sentence case. */
    private static List<String> warningLines(List<QualityWarning> checks) {
        return checks.stream().map(w -> w.severity().name().charAt(0)
                + w.severity().name().substring(1).toLowerCase(Locale.ROOT) + ": " + w.message()).toList();
    }
}
