package dev.osprey.app.tune;

import dev.osprey.app.AppContext;
import dev.osprey.app.jobpage.Failures;
import dev.osprey.app.jobpage.JobPageModel;
import dev.osprey.app.jobpage.PageWorker;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.Job;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.SearchSpace;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TuningEvent;
import dev.osprey.core.tune.TuningException;
import dev.osprey.core.tune.TuningJob;
import dev.osprey.core.tune.TuningJobId;
import dev.osprey.core.tune.TuningResult;
import dev.osprey.core.tune.TuningSpec;
import dev.osprey.core.tune.TuningStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Tuning page's state: the form ({@link TuningSetup}), the shown tuning job (running live or
 * re-opened from the catalog) with its trials, importance and per-trial curves, the earlier jobs,
 * and registering the best trial. UI executor only; the job and catalog reads run elsewhere and
 * their events come back coalesced (at most one batch per {@value #FLUSH_MILLIS} ms).
 */
public final class TuningViewModel extends JobPageModel<TuneState, TuningResult> {
    static final long FLUSH_MILLIS = 150;
    private static final Logger LOG = LoggerFactory.getLogger(TuningViewModel.class);
    private static final Failures FAILURES = Failures.CHECKED;

    private final Coalescer.Later later;
    private final TuningSetup setup = new TuningSetup();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<TuningJobId> shownJob = new ReadOnlyObjectWrapper<>(this, "shownJob");
    private final TrialBoard board = new TrialBoard();
    private final ObservableList<TuningJob> jobs = FXCollections.observableArrayList();
    private final TrialCurves curves;
    private int plannedTrials;

    public TuningViewModel(AppContext app) {
        this(app, PageWorker.start("osprey-tuning-page"));
    }

    private TuningViewModel(AppContext app, ScheduledExecutorService worker) {
        this(app, worker, flush -> worker.schedule(flush, FLUSH_MILLIS, TimeUnit.MILLISECONDS));
    }

    /** Tests pass {@code Runnable::run} for {@code io} and {@code later} (and as the UI executor). */
    TuningViewModel(AppContext app, Executor io, Coalescer.Later later) {
        super(app, io, TuneState.IDLE);
        this.later = Objects.requireNonNull(later);
        this.curves = new TrialCurves(app, io);
        rules(Bindings.createBooleanBinding(() -> setup.problemProperty().get() == null && !state.get().isRunning(),
                setup.problemProperty(), state),
                Bindings.createBooleanBinding(() -> board.best.get() != null && shownJob.get() != null && !state.get().isRunning()
                        && !registering.get() && modelName.get() != null && !modelName.get().isBlank(),
                        board.best, shownJob, state, registering, modelName));
        setup.setWorkspaceOpen(app.engine() != null);
        app.engineProperty().addListener((o, a, b) -> onWorkspaceChanged());
    }

    // --- state the view binds to ------------------------------------------------------------------

    public TuningSetup setup() {
        return setup;
    }

    /** "xgboost on exam_scores · job 3", empty before a job is shown. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The shown job's space: the trials table's columns and the parallel-coordinates axes. */
    public ReadOnlyObjectProperty<SearchSpace> spaceProperty() {
        return board.space.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Objective> objectiveProperty() {
        return board.objective.getReadOnlyProperty();
    }

    /** The shown job's trials by number: running ones first appear as RUNNING, then are replaced. */
    public ObservableList<TrialRow> trials() {
        return board.trials();
    }

    /** The best COMPLETE trial so far, or null. */
    public ReadOnlyObjectProperty<TrialRow> bestProperty() {
        return board.best.getReadOnlyProperty();
    }

    /** Parameter -> share of the objective's spread it explains (HyperparameterImportance). */
    public ReadOnlyObjectProperty<Map<String, Double>> importanceProperty() {
        return board.importance.getReadOnlyProperty();
    }

    /** The selected trials' metric per step. */
    public ObservableList<Curve> curves() {
        return curves.shown();
    }

    /** Stored tuning jobs, newest first. */
    public ObservableList<TuningJob> jobs() {
        return jobs;
    }

    // --- actions ----------------------------------------------------------------------------------

    /** Reads datasets and stored jobs again. */
    public CompletableFuture<Void> refresh() {
        Engine engine = app.engine();
        setup.setWorkspaceOpen(engine != null);
        if (engine == null) {
            setup.setDatasets(List.of());
            jobs.clear();
            return CompletableFuture.completedFuture(null);
        }
        record Lists(List<Dataset> datasets, List<TuningJob> jobs) {
        }
        return inBackground(engine, e -> new Lists(e.datasets().list(), e.tuning().jobs()), (lists, error) -> {
            if (engine != app.engine()) {
                return null;
            }
            if (error != null) {
                LOG.warn("Cannot read the datasets and tuning jobs", Failures.unwrap(error));
                app.dialogs().showError("Cannot read the workspace", FAILURES.message(error), Failures.details(error));
                return null;
            }
            setup.setDatasets(lists.datasets());
            setup.setJobs(lists.jobs());
            jobs.setAll(lists.jobs());
            return null;
        });
    }

    /** Starts the job the form describes in the background; the future completes once its end is on screen. */
    public CompletableFuture<Void> start() {
        TuningSpec spec = fromForm(setup::spec, "Cannot start the tuning job");
        if (spec == null) {
            return CompletableFuture.completedFuture(null);
        }
        Engine engine = app.engine();
        long g = ++generation;
        clearShown();
        plannedTrials = spec.budget().maxTrials();
        board.space.set(spec.space());
        title.set(spec.name().orElse("Tuning"));
        progress.set(-1);
        message.set("Waiting for a free worker");
        state.set(TuneState.RUNNING);
        Coalescer<TuningEvent> feed = new Coalescer<>(app.uiExecutor(), later, batch -> onEvents(g, batch));
        Job<TuningResult> submitted = app.jobs().submit("Tune " + spec.name().orElse("a model"),
                ctx -> engine.tuning().run(spec, ctx, feed::add));
        return follow(submitted, (done, error) -> {
            feed.drainNow();
            return finish(g, engine, error);
        }).thenCompose(f -> f);
    }

    /** Stops the running job: running trials end as cancelled, finished ones are kept. */
    public void stop() {
        stopJob("Stopping\u2026");
    }

    /** Shows a stored job and its trials. */
    public CompletableFuture<Void> open(TuningJob stored) {
        Engine engine = app.engine();
        if (stored == null || engine == null || state.get().isRunning()) {
            return CompletableFuture.completedFuture(null);
        }
        long g = ++generation;
        return inBackground(engine, e -> e.tuning().trials(stored.id()), (list, error) -> {
            if (g != generation || engine != app.engine()) {
                return null;
            }
            if (error != null) {
                app.dialogs().showError("Cannot open tuning job " + stored.id(), FAILURES.message(error), null);
                return null;
            }
            clearShown();
            show(stored, list);
            return null;
        });
    }

    /** The trials whose per-step curves to draw (the table's selection). */
    public void selectTrials(List<Integer> numbers) {
        curves.select(numbers, board.rowsByNumber());
    }

    /** Registers the shown job's best trial under {@link #modelNameProperty()}. */
    public CompletableFuture<ModelVersion> registerBest() {
        TuningJobId id = shownJob.get();
        String name = nameToRegister();
        if (name == null || id == null) {
            return CompletableFuture.completedFuture(null);
        }
        Engine engine = app.engine();
        return registerInBackground(engine, e -> e.tuning().registerBest(id, name), (version, error) -> {
            if (error != null) {
                app.dialogs().showError("Cannot register the best model", FAILURES.message(error),
                        Failures.unwrap(error) instanceof TuningException ? null : Failures.details(error));
                return null;
            }
            return announce(version, true);
        });
    }

    // --- internals --------------------------------------------------------------------------------

    private void onEvents(long g, List<TuningEvent> batch) {
        if (g != generation) {
            return;
        }
        Map<Integer, TrialRow> rows = board.rowsByNumber();
        boolean finished = false;
        for (TuningEvent e : batch) {
            switch (e) {
                case TuningEvent.JobStarted s -> {
                    shownJob.set(s.jobId());
                    board.objective.set(s.objective());
                    board.space.set(s.space());
                    title.set(s.name() + " \u00b7 job " + s.jobId());
                }
                case TuningEvent.TrialStarted s -> rows.put(s.trial(), TrialRow.running(s.trial(), s.params()));
                case TuningEvent.IntermediateValue v -> curves.live(v.trial(), v.step(), v.value());
                case TuningEvent.TrialPaused p -> rows.computeIfPresent(p.trial(), (n, row) -> row.pausedAt(p.step()));
                case TuningEvent.TrialResumed r -> rows.computeIfPresent(r.trial(), (n, row) -> row.pausedAt(0));
                case TuningEvent.TrialFinished f -> {
                    rows.put(f.trial().number(), TrialRow.of(f.trial()));
                    finished = true;
                }
                case TuningEvent.BestChanged b -> rows.put(b.best().number(), TrialRow.of(b.best()));
                case TuningEvent.JobFinished f -> finished = true;
            }
        }
        board.apply(rows);
        if (finished) {
            board.updateDerived();
        }
        curves.refresh(rows);
        if (state.get().isRunning()) {
            long done = board.finishedCount();
            long paused = board.trials().stream().filter(TrialRow::isPaused).count();
            long running = board.trials().size() - done - paused;
            progress.set(plannedTrials > 0 ? Math.min(1, done / (double) plannedTrials) : -1);
            message.set(String.format(java.util.Locale.ROOT, "%d of %d trials finished, %d running%s%s", done, plannedTrials,
                    running, paused > 0 ? ", " + paused + " paused at a rung" : "", board.bestSuffix()));
        }
    }

    private CompletableFuture<Void> finish(long g, Engine engine, Throwable error) {
        if (g != generation || engine != app.engine()) {
            return CompletableFuture.completedFuture(null);
        }
        job = null;
        TuningJobId id = shownJob.get();
        boolean cancelled = error != null && Failures.unwrap(error) instanceof CancellationException;
        if (error != null && !cancelled && id == null) {
            // refused before any trial: the engine's message says what to fix
            failure.set(FAILURES.message(error));
            message.set("Not started");
            state.set(TuneState.FAILED);
            if (!(Failures.unwrap(error) instanceof TuningException)) {
                app.dialogs().showError("Tuning failed", FAILURES.message(error), Failures.details(error));
            }
            return CompletableFuture.completedFuture(null);
        }
        if (id == null) {
            state.set(TuneState.STOPPED);
            message.set("Stopped before the first trial");
            return refresh();
        }
        // the catalog holds what was kept (a stopped job keeps its finished trials): show that
        record Kept(TuningJob job, List<Trial> trials) {
        }
        return inBackground(engine, e -> new Kept(e.tuning().job(id), e.tuning().trials(id)), (read, readError) -> {
            if (g != generation) {
                return null;
            }
            if (readError == null) {
                show(read.job(), read.trials());
            } else {
                state.set(cancelled ? TuneState.STOPPED : TuneState.FAILED);
            }
            if (error != null && !cancelled) {
                failure.set(FAILURES.message(error));
            }
            return null;
        }).thenCompose(v -> refresh());
    }

    private void show(TuningJob stored, List<Trial> list) {
        shownJob.set(stored.id());
        board.space.set(stored.space());
        board.objective.set(stored.objective());
        plannedTrials = stored.budget().maxTrials();
        title.set(stored.name() + " \u00b7 job " + stored.id());
        board.showAll(list);
        state.set(switch (stored.status()) {
            case RUNNING -> TuneState.RUNNING;
            case FINISHED -> TuneState.FINISHED;
            case STOPPED -> TuneState.STOPPED;
            case FAILED -> TuneState.FAILED;
        });
        if (stored.status() == TuningStatus.FAILED && !stored.message().isBlank()) {
            failure.set(stored.message());
        }
        progress.set(1);
        message.set((stored.status() == TuningStatus.STOPPED ? "Stopped: " : "") + stored.message() + board.bestSuffix());
        if (modelName.get() == null || modelName.get().isBlank()) {
            modelName.set(stored.target().replace('_', '-') + "-tuned");
        }
    }

    private void clearShown() {
        board.clear();
        curves.clear();
        shownJob.set(null);
        failure.set(null);
        registered.set(null);
        title.set("");
    }

    private void onWorkspaceChanged() {
        generation++;
        job = null;
        clearShown();
        state.set(TuneState.IDLE);
        progress.set(0);
        message.set("");
        setup.setDatasets(List.of());
        setup.setJobs(List.of());
        refresh();
    }

    /** For tests: the trial values as the best-so-far chart reads them. */
    Map<Integer, Double> completeValues() {
        return board.completeValues();
    }
}
