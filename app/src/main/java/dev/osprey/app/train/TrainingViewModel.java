package dev.osprey.app.train;

import dev.osprey.app.AppContext;
import dev.osprey.app.jobpage.Failures;
import dev.osprey.app.jobpage.JobPageModel;
import dev.osprey.app.jobpage.PageWorker;
import dev.osprey.core.Engine;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.Job;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.TrainingEvent;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Training page's state: the form ({@link TrainingSetup}), the running training (a job of the
 * job center, with progress, cancel and a live metric curve), its result, and registering the
 * result's model. State is read and written on the UI executor; catalog reads, registration and
 * the training itself run elsewhere and come back through {@link AppContext#uiExecutor()}.
 */
public final class TrainingViewModel extends JobPageModel<RunState, TrainingOutcome> {
    /** The live curve reaches the UI at most this often. */
    static final long CHART_INTERVAL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);
    /** The training's own refusals carry a message for the user; anything else is a defect. */
    private static final Failures FAILURES = new Failures(e -> e instanceof TrainingException || e instanceof RegistryException
            || e instanceof DataException || e instanceof IllegalArgumentException);

    private final LiveFeed.Later later;
    private final TrainingSetup setup = new TrainingSetup();
    private final ReadOnlyStringWrapper runTitle = new ReadOnlyStringWrapper(this, "runTitle", "");
    private final ReadOnlyStringWrapper curveMetric = new ReadOnlyStringWrapper(this, "curveMetric", "");
    private final ReadOnlyIntegerWrapper runFolds = new ReadOnlyIntegerWrapper(this, "runFolds", 1);
    private final ObservableList<CurvePoint> curve = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> curveView = FXCollections.unmodifiableObservableList(curve);
    private final ReadOnlyObjectWrapper<TrainingOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private int plannedRounds;
    private long listGeneration;

    /** The studio's view model: catalog reads and chart flushes share one daemon thread of its own. */
    public TrainingViewModel(AppContext app) {
        this(app, PageWorker.start("osprey-training-page"));
    }

    private TrainingViewModel(AppContext app, ScheduledExecutorService worker) {
        this(app, worker, flush -> worker.schedule(flush, CHART_INTERVAL_MILLIS, TimeUnit.MILLISECONDS));
    }

    /** Tests pass {@code Runnable::run} for {@code io} and {@code later} (and as the UI executor). */
    TrainingViewModel(AppContext app, Executor io, LiveFeed.Later later) {
        super(app, io, RunState.IDLE);
        this.later = Objects.requireNonNull(later);
        rules(Bindings.createBooleanBinding(() -> setup.problemProperty().get() == null && !state.get().isRunning(),
                setup.problemProperty(), state),
                Bindings.createBooleanBinding(() -> outcome.get() != null && !registering.get()
                        && modelName.get() != null && !modelName.get().isBlank(), outcome, registering, modelName));
        setup.setWorkspaceOpen(app.engine() != null);
        app.engineProperty().addListener((o, a, b) -> onWorkspaceChanged());
    }

    // --- state the view binds to ------------------------------------------------------------------

    public TrainingSetup setup() {
        return setup;
    }

    /** The line under the progress bar: {@link #messageProperty()}. */
    public ReadOnlyStringProperty progressMessageProperty() {
        return messageProperty();
    }

    /** "XGBoost on exam_scores → exam_score" for the current or last training. */
    public ReadOnlyStringProperty runTitleProperty() {
        return runTitle.getReadOnlyProperty();
    }

    /** The metric the live curve shows (rmse, logloss, ...), empty before the first point. */
    public ReadOnlyStringProperty curveMetricProperty() {
        return curveMetric.getReadOnlyProperty();
    }

    /** How many validation folds the current training fits (1 for a holdout), besides the final fit. */
    public ReadOnlyIntegerProperty runFoldsProperty() {
        return runFolds.getReadOnlyProperty();
    }

    /** The live curve so far; grows in batches, at most one per {@value #CHART_INTERVAL_MILLIS} ms. */
    public ObservableList<CurvePoint> curve() {
        return curveView;
    }

    public ReadOnlyObjectProperty<TrainingOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    // --- actions ----------------------------------------------------------------------------------

    /** Reads the workspace's datasets again, keeping the chosen one. */
    public CompletableFuture<Void> refresh() {
        Engine engine = app.engine();
        long g = ++listGeneration;
        setup.setWorkspaceOpen(engine != null);
        if (engine == null) {
            setup.setDatasets(List.of());
            return CompletableFuture.completedFuture(null);
        }
        return inBackground(engine, RecipeChoices::read, (list, error) -> {
            if (g != listGeneration || engine != app.engine()) {
                return null;
            }
            if (error != null) {
                LOG.warn("Cannot list the datasets of {}", engine.workspace().root(), Failures.unwrap(error));
                app.dialogs().showError("Cannot read the datasets", FAILURES.message(error), Failures.details(error));
                return null;
            }
            setup.setDatasets(list.datasets());
            setup.setRecipes(list.recipes());
            return null;
        });
    }

    /**
     * Starts the training the form describes as a job of the job center. The returned future
     * completes once the outcome (result, failure or cancel) is on screen; it never fails.
     */
    public CompletableFuture<Void> start() {
        TrainingRequest request = fromForm(setup::request, "Cannot start the training");
        if (request == null) {
            return CompletableFuture.completedFuture(null);
        }
        Engine engine = app.engine();
        Dataset dataset = setup.datasetProperty().get();
        Algorithm algorithm = setup.algorithmProperty().get();
        long g = ++generation;
        clearRun();
        runFolds.set(request.isClustering() ? 1 : switch (request.validation()) {
            case dev.osprey.core.train.Validation.Holdout h -> 1;
            case dev.osprey.core.train.Validation.KFold k -> k.k();
            case dev.osprey.core.train.Validation.StratifiedKFold k -> k.k();
        });
        plannedRounds = RoundProgress.rounds(request);
        progress.set(-1);
        message.set("Waiting for a free worker");
        runTitle.set(algorithm.displayName() + " on " + dataset.name() + " \u2192 "
                + (request.isClustering() ? "clusters" : request.target()));
        state.set(RunState.RUNNING);

        LiveFeed feed = new LiveFeed(app.uiExecutor(), later, batch -> onBatch(g, batch));
        Job<TrainingOutcome> submitted = app.jobs().submit("Train " + algorithm.displayName() + " on " + dataset.name(),
                ctx -> {
                    TrainingResult result = engine.training().train(request, ctx, event -> {
                        if (event instanceof TrainingEvent.IterationMetric m) {
                            feed.point(new CurvePoint(m.fold(), m.iteration(), m.metric(), m.trainValue(), m.validValue()));
                        } else {
                            feed.changed();
                        }
                    });
                    return new TrainingOutcome(request, result, Diagnostics.of(result.heldOut()), dataset.name(),
                            algorithm.displayName(), request.isClustering() ? "all rows, no target" : request.validation().describe());
                });
        submitted.subscribe(e -> feed.changed());
        return follow(submitted, (done, error) -> {
            feed.drainNow();
            finish(g, engine, submitted, done, error);
            return null;
        });
    }

    /** Asks the running training to stop; it ends as cancelled (and its run is recorded so). */
    public void cancel() {
        stopJob("Cancelling\u2026");
    }

    /**
     * Registers the result's model under {@link #modelNameProperty()} as its next version. The
     * future completes with the version once it is on screen, or with null when it failed (the
     * user was told why).
     */
    public CompletableFuture<ModelVersion> register() {
        TrainingOutcome o = outcome.get();
        String name = nameToRegister();
        if (name == null || o == null) {
            return CompletableFuture.completedFuture(null);
        }
        Engine engine = app.engine();
        return registerInBackground(engine, e -> e.registry().register(o.result().runId(), name), (version, error) -> {
            if (engine != app.engine()) {
                return null;
            }
            if (error != null) {
                boolean expected = Failures.unwrap(error) instanceof RegistryException;
                LOG.info("Registering run {} as {} failed: {}", o.result().runId(), name, FAILURES.message(error));
                app.dialogs().showError("Cannot register the model", FAILURES.message(error), expected ? null : Failures.details(error));
                return null;
            }
            return announce(version, outcome.get() == o);
        });
    }

    /** A short notification in the studio's toast (the view's clipboard copy reports through it). */
    public void notify(String message) {
        app.dialogs().notify(message);
    }

    // --- internals --------------------------------------------------------------------------------

    private void onBatch(long g, List<CurvePoint> batch) {
        if (g != generation) {
            return;
        }
        if (!batch.isEmpty()) {
            if (curveMetric.get().isEmpty()) {
                curveMetric.set(batch.getFirst().metric());
            }
            curve.addAll(batch);
        }
        Job<TrainingOutcome> running = job;
        if (running != null && state.get().isRunning() && !running.isCancelRequested()) {
            double fraction = running.progress();
            String text = running.message().isEmpty() ? "Starting" : running.message();
            if (plannedRounds > 0 && !curve.isEmpty() && fraction < 0.9) {
                CurvePoint last = curve.getLast();
                fraction = Math.max(fraction, RoundProgress.estimate(last, runFolds.get(), plannedRounds));
                text = text + String.format(java.util.Locale.ROOT, " \u00b7 round %,d of %,d", last.iteration(), plannedRounds);
            }
            progress.set(fraction);
            message.set(text);
        }
    }

    private void finish(long g, Engine engine, Job<TrainingOutcome> finished, TrainingOutcome done, Throwable error) {
        if (g != generation || engine != app.engine()) {
            return;
        }
        job = null;
        if (error == null) {
            progress.set(1);
            message.set(done.problemType() == dev.osprey.core.train.ProblemType.CLUSTERING
                    ? String.format(java.util.Locale.ROOT, "Clustered %,d rows in %s", done.result().trainRows(),
                    seconds(done.result().elapsed().toMillis()))
                    : String.format(java.util.Locale.ROOT, "Trained in %s on %,d rows, validated on %,d",
                    seconds(done.result().elapsed().toMillis()), done.result().trainRows(), done.result().validRows()));
            if (modelName.get() == null || modelName.get().isBlank()) {
                modelName.set(done.suggestedModelName());
            }
            state.set(RunState.SUCCEEDED);
            outcome.set(done); // last: the result panel builds itself from it
            return;
        }
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof CancellationException) {
            message.set("Cancelled");
            state.set(RunState.CANCELLED);
            app.dialogs().notify(finished.title() + " was cancelled.");
            return;
        }
        String why = FAILURES.message(error);
        failure.set(why);
        message.set("Failed");
        state.set(RunState.FAILED);
        if (!(cause instanceof TrainingException)) {
            // Not a refusal with a message for the user: a defect, so the details are one click away.
            LOG.error("Training failed", cause);
            app.dialogs().showError("Training failed", why, Failures.details(error));
        } else {
            LOG.info("Training refused: {}", why);
        }
    }

    private void onWorkspaceChanged() {
        generation++;
        job = null;
        clearRun();
        modelName.set("");
        progress.set(0);
        message.set("");
        runTitle.set("");
        state.set(RunState.IDLE);
        setup.setDatasets(List.of());
        refresh();
    }

    private void clearRun() {
        curve.clear();
        curveMetric.set("");
        outcome.set(null);
        failure.set(null);
        registered.set(null);
    }

    private static String seconds(long millis) {
        return millis < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0) : millis / 1000 + " s";
    }
}
