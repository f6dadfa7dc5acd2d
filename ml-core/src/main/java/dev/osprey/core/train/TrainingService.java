package dev.osprey.core.train;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.experiment.Artifact;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.Workspace;
import dev.osprey.core.wrangle.RecipeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains models on workspace datasets and records each training as a run: parameters,
 * provenance tags, per-iteration and final metrics, and the model file as the run's
 * {@value #MODEL_ARTIFACT} artifact under {@code runs/RUN_ID/model.bin}. Runs synchronously on
 * the caller's thread (submit it to a JobService for the background). Request errors found
 * before any data is read (unknown dataset, algorithm, option) are thrown without a run; every
 * later failure is recorded as a FAILED run, a cancel as CANCELLED.
 */
public final class TrainingService {
    public static final String MODEL_ARTIFACT = "model";
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);

    private final Workspace workspace;
    private final DatasetService datasets;
    private final ExperimentStore experiments;
    /** Null for a service built without recipes: training through a recipe is then refused, lineage ignored. */
    private final RecipeService recipes;

    /** Message of the runs a killed process left RUNNING, which the next service for the workspace marks FAILED. */
    public static final String ABANDONED_MESSAGE = "the process ended while training";

    /**
     * A service for an open workspace. The workspace lock means no other process trains in it, so
     * any run still RUNNING was left by a process that died: it is marked FAILED here. A guest
     * (a kernel of the studio that holds the lock) leaves them alone: they may be the studio's.
     */
    public TrainingService(Workspace workspace, DatasetService datasets, ExperimentStore experiments) {
        this(workspace, datasets, experiments, null);
    }

    /**
     * A service that can train through the workspace's wrangling recipes ({@link TrainingRequest#withRecipe}) and
     * makes models trained on a recipe's saved output take the recipe's raw rows (see {@link RecipeInput}).
     */
    public TrainingService(Workspace workspace, DatasetService datasets, ExperimentStore experiments, RecipeService recipes) {
        this.workspace = workspace;
        this.datasets = datasets;
        this.experiments = experiments;
        this.recipes = recipes;
        if (workspace.isGuest()) {
            return;
        }
        try {
            int abandoned = experiments.failAbandonedRuns(ABANDONED_MESSAGE);
            if (abandoned > 0) {
                LOG.info("Marked {} run(s) left running by an earlier process as FAILED", abandoned);
            }
        } catch (ExperimentException e) {
            // the runs stay RUNNING in the list; training itself still works
            LOG.warn("Could not mark abandoned runs as failed in {}", workspace.root(), e);
        }
    }

    public TrainingResult train(TrainingRequest request, JobContext context) throws TrainingException {
        return train(request, context, e -> { });
    }

    /**
     * Trains and records a run. {@code listener} receives per-iteration metrics and fold results
     * on this thread. Throws {@link JobCancelledException} when cancelled (the run is CANCELLED).
     */
    public TrainingResult train(TrainingRequest request, JobContext context, Consumer<? super TrainingEvent> listener)
            throws TrainingException {
        return train(request, context, listener, null);
    }

    /**
     * As {@link #train(TrainingRequest, JobContext, Consumer)}, reusing the data {@code cache} holds
     * for the same rows and target (a tuning job's trials), or reading and preparing it into the cache.
     */
    public TrainingResult train(TrainingRequest request, JobContext context, Consumer<? super TrainingEvent> listener,
                                PreparedCache cache) throws TrainingException {
        JobContext job = context == null ? JobContext.NONE : context;
        Instant start = Instant.now();
        Dataset source = dataset(request);
        RecipeInput.Resolved input = RecipeInput.resolve(request, source, datasets, recipes, job);
        Dataset dataset = input.view();
        Column target = request.isClustering() ? null : DataPreparation.target(dataset, request.target());
        Algorithm algorithm = Algorithms.get(request.algorithm());
        AlgorithmOptions options = algorithm.options(request.options());
        if (!request.isClustering() && algorithm.supports(ProblemType.CLUSTERING)) {
            throw new TrainingException(algorithm.displayName() + " finds clusters without a target; train it with no"
                    + " target column (problem type CLUSTERING).");
        }
        if (request.problemType().isPresent() && !algorithm.supports(request.problemType().get())) {
            throw new TrainingException(algorithm.displayName() + " cannot train a " + Trainer.label(request.problemType().get()) + ".");
        }
        RunId run = startRun(request, source, algorithm, options, input.tags());
        if (listener instanceof RunListener l) {
            l.runStarted(run);
        }
        RunRecorder recorder = new RunRecorder(experiments, run, listener, request.validation() instanceof Validation.Holdout);
        try {
            job.progress(-1, "Reading " + dataset.name());
            List<Column> features = DataPreparation.features(dataset, target == null ? "" : target.name());
            List<String> names = new ArrayList<>(features.stream().map(Column::name).toList());
            if (target != null) {
                names.add(target.name());
            }
            long expected = request.rowLimit() > 0 ? Math.min(request.rowLimit(), dataset.rowCount()) : dataset.rowCount();
            String sql = select(input, request, dataset);
            PreparedCache.Loader load = () -> {
                List<TableReader.Raw> raw = TableReader.read(sql, names, expected, job);
                job.progress(-1, "Preparing " + dataset.name());
                return target == null ? DataPreparation.prepareUnsupervised(dataset, features, raw, job)
                        : DataPreparation.prepare(dataset, features, target, raw, request.problemType(), job);
            };
            Prepared data = cache == null ? load.load()
                    : cache.get(sql + "|" + names + "|" + request.problemType() + "|" + expected, load);
            java.util.Optional<RecipeBinding> binding = bind(run, input, data.signature(), job);
            experiments.setParams(run, Map.of("problem_type", data.problemType().name(),
                    "features", String.join(",", data.encoder().columns().stream().map(SignatureColumn::name).toList())));
            Trainer.Outcome outcome = request.isClustering()
                    ? ClusterTrainer.run(data, algorithm, options, request.validation().seed(), request.threads(), job, recorder)
                    : Trainer.run(data, algorithm, options, request.validation(), job, recorder, request.threads(),
                            cache == null ? null : cache.matrices());
            recorder.check();
            TrainedModel model = new TrainedModel(data.signature(), data.encoder(), outcome.predictor(), algorithm.id(),
                    options.toMap(), outcome.metrics(), outcome.importance());
            if (binding.isPresent()) {
                model = model.withRecipe(binding.get());
            }
            job.progress(0.99, "Saving the model");
            saveModel(run, model);
            List<MetricPoint> summary = new ArrayList<>();
            outcome.metrics().forEach((k, v) -> summary.add(new MetricPoint(k, 0, v)));
            summary.add(new MetricPoint("train_rows", 0, outcome.trainRows()));
            summary.add(new MetricPoint("valid_rows", 0, outcome.validRows()));
            // one point per cluster, the step being the cluster id, so a run's history holds the sizes
            outcome.clusters().ifPresent(c -> {
                for (int k = 0; k < c.clusters(); k++) {
                    summary.add(new MetricPoint("cluster_size", k, c.sizes().get(k)));
                }
            });
            experiments.logMetrics(run, summary);
            experiments.finish(run, RunStatus.FINISHED, null);
            job.progress(1, "Trained " + algorithm.displayName());
            return new TrainingResult(run, model, outcome.metrics(), outcome.report(), outcome.importance(),
                    outcome.trainRows(), outcome.validRows(), Duration.between(start, Instant.now()), outcome.heldOut(),
                    outcome.clusters());
        } catch (JobCancelledException e) {
            recorder.flush();
            end(run, RunStatus.CANCELLED, "cancelled");
            throw e;
        } catch (TrainingException e) {
            recorder.flush();
            end(run, job.isCancelled() ? RunStatus.CANCELLED : RunStatus.FAILED, e.getMessage());
            throw e;
        } catch (SQLException e) {
            String message = job.isCancelled() ? "cancelled" : "Cannot read the dataset '" + dataset.name() + "': " + e.getMessage();
            end(run, job.isCancelled() ? RunStatus.CANCELLED : RunStatus.FAILED, message);
            if (job.isCancelled()) {
                throw new JobCancelledException();
            }
            throw new TrainingException(message, e);
        } catch (ExperimentException | IOException | RuntimeException e) {
            boolean cancelled = job.isCancelled();
            end(run, cancelled ? RunStatus.CANCELLED : RunStatus.FAILED, cancelled ? "cancelled" : e.getMessage());
            if (cancelled) {
                throw new JobCancelledException();
            }
            throw new TrainingException("Training failed: " + e.getMessage(), e);
        }
    }

    /** The model a run produced, read from its artifact with the checksum the run recorded. */
    public TrainedModel runModel(RunId runId) throws TrainingException {
        Run run;
        try {
            run = experiments.get(runId);
        } catch (ExperimentException e) {
            throw new TrainingException(e.getMessage(), e);
        }
        Artifact a = run.artifact(MODEL_ARTIFACT).orElseThrow(() -> new TrainingException("The run " + runId
                + " has no model (its status is " + run.status() + ")."));
        return ModelFiles.read(workspace.root().resolve(a.path()), a.sha256(), a.path());
    }

    /** The folder of a run's files, relative to the workspace root. */
    public static String runFolder(RunId run) {
        return "runs/" + run.value();
    }

    private Dataset dataset(TrainingRequest request) throws TrainingException {
        try {
            return datasets.get(request.dataset());
        } catch (DataException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    /** The dataset's (or recipe's) SELECT, narrowed to a seeded sample when the request limits the rows. */
    private static String select(RecipeInput.Resolved input, TrainingRequest request, Dataset dataset) {
        long limit = request.rowLimit();
        if (limit == 0 || (dataset.rowCount() > 0 && dataset.rowCount() <= limit)) {
            return input.select();
        }
        // ordering by a hash of the row's values and the seed picks the same rows for the same data and seed,
        // whatever order the threads read them in (DuckDB's own sample is repeatable on one thread only)
        return "SELECT * FROM (" + input.select() + ") AS t ORDER BY hash(t, " + request.validation().seed() + ") LIMIT "
                + limit;
    }

    /**
     * The recipe the model will take raw rows through, checked against the columns it learns from before
     * any fit; the run's tags say when a dataset's lineage recipe could not be attached.
     */
    private java.util.Optional<RecipeBinding> bind(RunId run, RecipeInput.Resolved input, ModelSignature features,
                                                   JobContext job) throws TrainingException, ExperimentException {
        if (input.pending().isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        java.util.Optional<RecipeBinding> binding = input.pending().get().bind(features, tags, job);
        if (!tags.isEmpty()) {
            experiments.setTags(run, tags);
        }
        return binding;
    }

    private RunId startRun(TrainingRequest request, Dataset dataset, Algorithm algorithm, AlgorithmOptions options,
                           Map<String, String> recipeTags) throws TrainingException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("algorithm", algorithm.id());
        params.put("target", request.target());
        params.put("problem_type", request.problemType().map(Enum::name).orElse("auto"));
        params.put("validation", request.isClustering() ? "none" : request.validation().describe());
        params.put("seed", Long.toString(request.validation().seed()));
        params.putAll(options.toMap());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("osprey.dataset.id", Long.toString(dataset.id().value()));
        tags.put("osprey.dataset.name", dataset.name());
        tags.put("osprey.dataset.fingerprint", dataset.fingerprint());
        tags.put("osprey.dataset.rows", Long.toString(dataset.rowCount()));
        tags.putAll(recipeTags);
        if (request.rowLimit() > 0) {
            params.put("row_limit", Long.toString(request.rowLimit()));
        }
        tags.putAll(Provenance.environment());
        try {
            Experiment exp = experiments.ensureExperiment(request.experiment().orElse(dataset.name() + " / "
                    + (request.isClustering() ? "clusters" : request.target())));
            return experiments.startRun(exp.id(), algorithm.id() + " on " + dataset.name(), params, tags);
        } catch (ExperimentException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    private void saveModel(RunId run, TrainedModel model) throws IOException, ExperimentException {
        String relative = runFolder(run) + "/model.bin";
        Path file = workspace.root().resolve(relative);
        Files.createDirectories(file.getParent());
        String sha = ModelFiles.write(model, file);
        experiments.addArtifact(run, new Artifact(MODEL_ARTIFACT, relative, sha, Files.size(file)));
    }

    private void end(RunId run, RunStatus status, String message) {
        try {
            experiments.finish(run, status, message);
        } catch (ExperimentException e) {
            LOG.warn("Could not record the end of {} as {}", run, status, e);
        }
    }
}
