package dev.osprey.core.automl;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.quality.QualityException;
import dev.osprey.core.quality.QualityRequest;
import dev.osprey.core.quality.QualityService;
import dev.osprey.core.quality.QualityWarning;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.Algorithms;
import dev.osprey.core.train.FeatureImportance;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingService;
import dev.osprey.core.train.Validation;
import dev.osprey.core.tune.Budget;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.SearchSpace;
import dev.osprey.core.tune.Strategy;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TuningChecks;
import dev.osprey.core.tune.TuningException;
import dev.osprey.core.tune.TuningResult;
import dev.osprey.core.tune.TuningService;
import dev.osprey.core.tune.TuningSpec;
import dev.osprey.core.tune.TuningStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * AutoML: infers the problem type, checks the data (the data-quality report's warnings, without
 * its quick model), tunes each candidate algorithm with Bayesian search inside its share of the
 * time left (a candidate that finishes early passes its time on), scores every trial by k-fold
 * cross-validation, ranks the candidates, registers and explains the winner. Each candidate's
 * trials are runs of the experiment "DATASET / TARGET (AutoML)". Runs on the caller's thread;
 * a cancel of the context stops it and keeps the leaderboard so far.
 */
public final class AutoMlService {
    /** The candidates in the order they are tried (cheap and strong first, so a short budget still ranks them). */
    public static final List<String> DEFAULT_CANDIDATES = List.of("xgboost", "random_forest", "ridge", "logistic_regression",
            "knn", "svm", "mlp");
    private static final Logger LOG = LoggerFactory.getLogger(AutoMlService.class);

    private final DatasetService datasets;
    private final TuningService tuning;
    private final ModelRegistry registry;
    private final TrainingService training;

    public AutoMlService(DatasetService datasets, TuningService tuning, ModelRegistry registry, TrainingService training) {
        this.datasets = datasets;
        this.tuning = tuning;
        this.registry = registry;
        this.training = training;
    }

    /** The default candidates that can train a {@code type} model. */
    public static List<String> candidatesFor(ProblemType type) {
        return DEFAULT_CANDIDATES.stream().filter(id -> Algorithms.find(id).map(a -> a.supports(type)).orElse(false)).toList();
    }

    public AutoMlResult run(AutoMlRequest request, JobContext context, Consumer<? super AutoMlEvent> listener)
            throws AutoMlException {
        JobContext job = context == null ? JobContext.NONE : context;
        Consumer<? super AutoMlEvent> events = listener == null ? e -> { } : listener;
        long deadline = System.nanoTime() + request.budget().toNanos();
        Dataset dataset;
        ProblemType type;
        Objective objective;
        try {
            dataset = datasets.get(request.dataset());
            TrainingRequest probe = TrainingRequest.of(dataset.id(), request.target(), "xgboost");
            type = TuningChecks.problemType(dataset, probe);
            objective = checkedObjective(request, type);
        } catch (DataException | TuningException e) {
            throw new AutoMlException(e.getMessage(), e);
        }
        List<String> candidates = candidates(request, type);
        job.progress(0, "Checking " + dataset.name());
        List<QualityWarning> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            warnings.addAll(new QualityService(datasets, training).profile(new QualityRequest(dataset.id(),
                    Optional.of(request.target()), false, 2000, request.seed()), job).warnings());
        } catch (QualityException | RuntimeException e) {
            // the checks inform; a failure of them must not stop the search
            LOG.warn("Data checks of {} failed", dataset.name(), e);
            notes.add("The data checks failed: " + e.getMessage());
        }
        emit(events, new AutoMlEvent.ChecksDone(type, objective, warnings, candidates));
        String experiment = dataset.name() + " / " + request.target() + " (AutoML)";
        Validation validation = type.isClassification() ? new Validation.StratifiedKFold(request.folds(), request.seed())
                : new Validation.KFold(request.folds(), request.seed());
        List<LeaderboardEntry> board = new ArrayList<>();
        boolean stopped = false;
        for (int i = 0; i < candidates.size(); i++) {
            if (job.isCancelled()) {
                stopped = true;
                break;
            }
            long left = deadline - System.nanoTime();
            String algorithm = candidates.get(i);
            if (left <= 0) {
                notes.add(algorithm + ": no time left.");
                emit(events, new AutoMlEvent.CandidateFinished(algorithm, Optional.empty(), "no time left"));
                continue;
            }
            Duration share = Duration.ofNanos(left / (candidates.size() - i));
            job.progress((double) i / candidates.size(), "Tuning " + algorithm + " (" + (i + 1) + " of " + candidates.size() + ")");
            emit(events, new AutoMlEvent.CandidateStarted(algorithm, share));
            TrainingRequest template = TrainingRequest.of(dataset.id(), request.target(), algorithm).withProblemType(type)
                    .withValidation(validation).withExperiment(experiment);
            Optional<LeaderboardEntry> entry;
            try {
                entry = tuneOne(algorithm, template, objective, request, share, job, events);
            } catch (TuningException e) {
                notes.add(algorithm + ": " + e.getMessage());
                emit(events, new AutoMlEvent.CandidateFinished(algorithm, Optional.empty(), e.getMessage()));
                continue;
            }
            if (entry.isEmpty()) {
                notes.add(algorithm + ": no trial finished in its " + share.toSeconds() + " s.");
                emit(events, new AutoMlEvent.CandidateFinished(algorithm, Optional.empty(), "no trial finished in time"));
                continue;
            }
            board.add(entry.get());
            board = ranked(board, objective);
            LeaderboardEntry ranked = board.stream().filter(e -> e.algorithm().equals(algorithm)).findFirst().orElseThrow();
            emit(events, new AutoMlEvent.CandidateFinished(algorithm, Optional.of(ranked), ""));
            emit(events, new AutoMlEvent.LeaderboardChanged(board));
        }
        stopped |= job.isCancelled();
        Optional<FeatureImportance> importance = Optional.empty();
        Optional<ModelVersion> registered = Optional.empty();
        if (!board.isEmpty()) {
            LeaderboardEntry best = board.getFirst();
            try {
                importance = Optional.of(training.runModel(best.run()).importance());
            } catch (TrainingException e) {
                notes.add("Cannot read the winner's feature importance: " + e.getMessage());
            }
            if (request.registerAs().isPresent()) {
                try {
                    registered = Optional.of(registry.register(best.run(), request.registerAs().get()));
                } catch (RegistryException e) {
                    notes.add("Cannot register the winner as '" + request.registerAs().get() + "': " + e.getMessage());
                }
            }
        } else if (!stopped) {
            throw new AutoMlException("No candidate finished a trial in " + request.budget().toSeconds()
                    + " s. Give AutoML more time. " + String.join(" ", notes));
        }
        job.progress(1, board.isEmpty() ? "Stopped" : "Best: " + board.getFirst().displayName());
        AutoMlResult result = new AutoMlResult(dataset.name(), type, objective, warnings, board, importance, registered, notes, stopped);
        emit(events, new AutoMlEvent.Finished(result));
        return result;
    }

    private Optional<LeaderboardEntry> tuneOne(String algorithm, TrainingRequest template, Objective objective,
                                               AutoMlRequest request, Duration share, JobContext job,
                                               Consumer<? super AutoMlEvent> events) throws TuningException {
        Algorithm a = Algorithms.find(algorithm).orElseThrow();
        SearchSpace space = SearchSpace.defaultsFor(algorithm).orElseThrow(() -> new TuningException(algorithm + " has no search space."));
        TuningSpec spec = TuningSpec.of(template, space).withObjective(objective).withStrategy(Strategy.BAYES)
                .withBudget(Budget.of(request.maxTrialsPerCandidate(), share)).withParallelism(request.parallelism())
                .withSeed(request.seed()).withName("AutoML: " + algorithm + " on " + template.target());
        long start = System.nanoTime();
        TuningResult r = tuning.run(spec, job, e -> emit(events, new AutoMlEvent.CandidateProgress(algorithm, e)));
        Optional<Trial> best = r.best().filter(t -> t.run().isPresent());
        if (best.isEmpty() && r.status() == TuningStatus.STOPPED) {
            return Optional.empty();
        }
        return best.map(t -> new LeaderboardEntry(0, algorithm, a.displayName(), t.params(), t.value().getAsDouble(),
                t.run().orElseThrow(), r.jobId(), r.trials().size(), Duration.ofNanos(System.nanoTime() - start),
                withParams(template, t)));
    }

    private static TrainingRequest withParams(TrainingRequest template, Trial t) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(template.options());
        options.putAll(t.params());
        return template.withOptions(options);
    }

    private static List<LeaderboardEntry> ranked(List<LeaderboardEntry> entries, Objective objective) {
        Comparator<LeaderboardEntry> byValue = Comparator.comparingDouble(e -> objective.direction().loss(e.value()));
        List<LeaderboardEntry> sorted = new ArrayList<>(entries);
        sorted.sort(byValue);
        List<LeaderboardEntry> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i).withRank(i + 1));
        }
        return out;
    }

    private static Objective checkedObjective(AutoMlRequest request, ProblemType type) throws TuningException {
        Optional<Objective> requested = request.metric().map(Objective::of);
        return dev.osprey.core.tune.TuningChecks.objective(requested, type);
    }

    private static List<String> candidates(AutoMlRequest request, ProblemType type) throws AutoMlException {
        if (request.candidates().isEmpty()) {
            return candidatesFor(type);
        }
        List<String> out = new ArrayList<>();
        for (String id : request.candidates()) {
            Algorithm a = Algorithms.find(id).orElseThrow(() -> new AutoMlException("There is no algorithm '" + id + "'."));
            if (!a.supports(type)) {
                throw new AutoMlException(a.displayName() + " cannot train a " + type.name().toLowerCase(java.util.Locale.ROOT)
                        + " model; leave it out or choose from " + String.join(", ", candidatesFor(type)) + ".");
            }
            if (SearchSpace.defaultsFor(id).isEmpty()) {
                throw new AutoMlException(id + " has no search space for AutoML; choose from " + String.join(", ", DEFAULT_CANDIDATES) + ".");
            }
            out.add(id);
        }
        return out;
    }

    private static void emit(Consumer<? super AutoMlEvent> events, AutoMlEvent e) {
        try {
            events.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("An AutoML listener failed on {}", e.getClass().getSimpleName(), ex);
        }
    }
}
