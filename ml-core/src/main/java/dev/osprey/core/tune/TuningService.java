package dev.osprey.core.tune;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingService;
import dev.osprey.core.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tuning jobs on workspace datasets: each trial trains a model and is recorded as a run of the
 * job's experiment; the job and its trials are stored in the catalog as they finish, so a stopped
 * (or killed) job keeps its finished trials. {@link #run} works on the caller's thread; submit it
 * to a JobService for the background, and cancel that job to stop it.
 */
public final class TuningService {
    /** Message of jobs a killed process left RUNNING, which the next service for the workspace marks FAILED. */
    public static final String ABANDONED_MESSAGE = "the process ended while tuning";
    private static final Logger LOG = LoggerFactory.getLogger(TuningService.class);

    private final DatasetService datasets;
    private final ExperimentStore experiments;
    private final TrainingService training;
    private final ModelRegistry registry;
    private final TuningStore store;

    public TuningService(Workspace workspace, DatasetService datasets, ExperimentStore experiments, TrainingService training,
                         ModelRegistry registry) {
        this.datasets = datasets;
        this.experiments = experiments;
        this.training = training;
        this.registry = registry;
        this.store = new TuningStore(workspace.catalog());
        if (!workspace.isGuest()) {
            try {
                store.failAbandoned(ABANDONED_MESSAGE);
            } catch (TuningException e) {
                LOG.warn("Could not mark abandoned tuning jobs as failed in {}", workspace.root(), e);
            }
        }
    }

    /**
     * Checks the spec, stores the job and runs its trials until the budget (or the grid) is used
     * up or {@code context} is cancelled. {@code listener} gets the job's events on the tuner's
     * threads. Bad input throws before any trial, with a message naming the problem.
     */
    public TuningResult run(TuningSpec spec, JobContext context, Consumer<? super TuningEvent> listener) throws TuningException {
        JobContext job = context == null ? JobContext.NONE : context;
        Consumer<? super TuningEvent> events = listener == null ? e -> { } : listener;
        TrainingRequest template = spec.template();
        Dataset dataset = dataset(template);
        ProblemType type = TuningChecks.problemType(dataset, template);
        Algorithm algorithm = TuningChecks.algorithm(template.algorithm(), type);
        Objective objective = TuningChecks.objective(spec.objective(), type);
        TuningChecks.space(spec.space(), algorithm, template.options());
        TuningChecks.pruning(spec.pruning(), algorithm);
        Optional<AshaSettings> asha = spec.strategy() == Strategy.HYPERBAND
                ? Optional.of(TuningChecks.asha(algorithm, spec.space(), template.options(), spec.asha())) : Optional.empty();
        List<Trial> history = List.of();
        if (spec.warmStart().isPresent()) {
            TuningJob earlier = job(spec.warmStart().get());
            if (!earlier.algorithm().equals(algorithm.id())) {
                throw new TuningException("Tuning job " + earlier.id() + " tuned " + earlier.algorithm() + ", not "
                        + algorithm.id() + "; warm-start from a job of the same algorithm.");
            }
            history = trials(earlier.id());
        }
        String experimentName = template.experiment().orElse(dataset.name() + " / " + template.target());
        Experiment experiment;
        try {
            experiment = experiments.ensureExperiment(experimentName);
        } catch (ExperimentException e) {
            throw new TuningException(e.getMessage(), e);
        }
        int threads = spec.threadsPerTrial(Runtime.getRuntime().availableProcessors());
        TrainingRequest perTrial = template.withProblemType(type).withExperiment(experimentName).withThreads(threads);
        String name = spec.name().orElse(algorithm.id() + " on " + dataset.name());
        TuningJobId id = store.create(new TuningStore.NewJob(name, experiment.id(), dataset.id(), template.target(),
                algorithm.id(), templateJson(template, threads), spec.space(), objective, spec.strategy(), spec.pruning(), spec.budget(),
                spec.parallelism(), spec.seed(), spec.warmStart()));
        TunerSettings settings = new TunerSettings(id, spec.space(), objective, Direction.MINIMIZE, spec.strategy(),
                spec.pruning(), spec.budget(), spec.parallelism(), spec.seed(), asha, history, spec.gridPoints());
        // per-round metrics of xgboost and mlp are losses (rmse, logloss): smaller is better whatever the objective
        emit(events, new TuningEvent.JobStarted(id, name, spec.space(), objective, spec.strategy(), spec.budget(), spec.parallelism()));
        TuningResult result;
        long cells = dataset.rowCount() * Math.max(1, dataset.columns().size() - 1);
        try (TrainingTrials trials = new TrainingTrials(training, perTrial, objective, cells)) {
            result = Tuner.run(settings, trials, job, e -> {
                if (e instanceof TuningEvent.TrialFinished f) {
                    record(id, f.trial());
                }
                events.accept(e);
            });
        } catch (RuntimeException e) {
            store.finish(id, TuningStatus.FAILED, Optional.empty(), String.valueOf(e.getMessage()));
            throw new TuningException("Tuning failed: " + e.getMessage(), e);
        }
        String message = result.trials().size() + " trials, " + result.count(TrialState.COMPLETE) + " complete, "
                + result.count(TrialState.PRUNED) + " stopped early, " + result.count(TrialState.FAILED) + " failed";
        store.finish(id, result.status(), result.best().map(Trial::number), message);
        emit(events, new TuningEvent.JobFinished(id, result));
        return result;
    }

    /** Registers the best trial's model under {@code modelName} (a new version when the name exists). */
    public ModelVersion registerBest(TuningJobId id, String modelName) throws TuningException {
        TuningJob job = job(id);
        Trial best = job.bestTrial().flatMap(n -> trialsQuietly(id).stream().filter(t -> t.number() == n).findFirst())
                .orElseThrow(() -> new TuningException("Tuning job " + id + " has no finished trial to register."));
        if (best.run().isEmpty()) {
            throw new TuningException("The best trial of tuning job " + id + " has no run to register.");
        }
        try {
            return registry.register(best.run().get(), modelName);
        } catch (RegistryException e) {
            throw new TuningException(e.getMessage(), e);
        }
    }

    /** Stored jobs, newest first. */
    public List<TuningJob> jobs() throws TuningException {
        return store.jobs();
    }

    public TuningJob job(TuningJobId id) throws TuningException {
        return store.find(id).orElseThrow(() -> new TuningException("There is no tuning job " + id + "."));
    }

    /** The finished trials of a job, by number. */
    public List<Trial> trials(TuningJobId id) throws TuningException {
        return store.trials(id);
    }

    private List<Trial> trialsQuietly(TuningJobId id) {
        try {
            return store.trials(id);
        } catch (TuningException e) {
            return List.of();
        }
    }

    /** Stores a finished trial and tags its run with the job and trial; a catalog failure is logged, the job goes on. */
    private void record(TuningJobId id, Trial trial) {
        try {
            store.saveTrial(id, trial);
            if (trial.run().isPresent()) {
                experiments.setTags(trial.run().get(), Map.of("osprey.tune.job", id.toString(),
                        "osprey.tune.trial", Integer.toString(trial.number()), "osprey.tune.state", trial.state().name()));
            }
        } catch (TuningException | ExperimentException e) {
            LOG.warn("Could not record trial {} of tuning job {}", trial.number(), id, e);
        }
    }

    private static Map<String, Object> templateJson(TrainingRequest t, int threadsPerTrial) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threads_per_trial", threadsPerTrial);
        m.put("options", new LinkedHashMap<>(t.options()));
        m.put("validation", t.validation().describe());
        m.put("validation_seed", t.validation().seed());
        t.problemType().ifPresent(p -> m.put("problem_type", p.name()));
        return m;
    }

    private Dataset dataset(TrainingRequest request) throws TuningException {
        try {
            return datasets.get(request.dataset());
        } catch (DataException e) {
            throw new TuningException(e.getMessage(), e);
        }
    }

    private static void emit(Consumer<? super TuningEvent> events, TuningEvent e) {
        try {
            events.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("A tuning listener failed on {}", e.getClass().getSimpleName(), ex);
        }
    }
}
