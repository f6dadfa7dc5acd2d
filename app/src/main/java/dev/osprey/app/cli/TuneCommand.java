package dev.osprey.app.cli;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.Validation;
import dev.osprey.core.tune.Budget;
import dev.osprey.core.tune.HyperparameterImportance;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.Pruning;
import dev.osprey.core.tune.SearchSpace;
import dev.osprey.core.tune.Strategy;
import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TuningEvent;
import dev.osprey.core.tune.TuningException;
import dev.osprey.core.tune.TuningJob;
import dev.osprey.core.tune.TuningJobId;
import dev.osprey.core.tune.TuningResult;
import dev.osprey.core.tune.TuningSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code osprey tune --data NAME --target COL --algorithm ALG --space SPACE ...}: a tuning job whose
 * trials are training runs. Prints one line per trial as it finishes (a star marks a new best),
 * then the best trial, and registers its model with {@code --register}. Everything the command
 * line can get wrong (space, strategy, budget, algorithm, parameter names and bounds) is checked
 * before the first trial.
 */
@Command(name = "tune", sortOptions = false, description = {"Search hyperparameters: each trial trains a model and is recorded as a run.",
        "One line per finished trial and the best go to stdout; progress to stderr."})
final class TuneCommand extends HeadlessCommand {
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "NAME", description = "A dataset of the workspace.")
    private String data;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "COL", description = "The column to predict.")
    private String target;

    @Option(names = {"-a", "--algorithm"}, paramLabel = "ALGORITHM", defaultValue = "xgboost", description = "Default: ${DEFAULT-VALUE}.")
    private String algorithm;

    @Option(names = "--space", paramLabel = "SPACE", description = {"The search space, e.g. \"max_depth=int(3,10);eta=log(0.01,0.5);booster=cat(a,b)\"",
            "(kinds: int, logint, float, log, cat). Default: a space suited to the algorithm."})
    private String space;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "bayes", description = "grid, random, bayes or hyperband. Default: ${DEFAULT-VALUE}.")
    private String strategy;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20", description = "At most N trials. Default: ${DEFAULT-VALUE}.")
    private int trials;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Trials at once (each uses its share of the cores). Default: ${DEFAULT-VALUE}.")
    private int parallel;

    @Option(names = "--threads-per-trial", paramLabel = "N", defaultValue = "0", description = {
            "Threads each trial's training may use. Default: the cores shared among the trials at once (all cores with",
            "--parallel 1, one each with --parallel 2 on 2 cores)."})
    private int threadsPerTrial;

    @Option(names = "--minutes", paramLabel = "M", description = "Stop starting trials after M minutes (running ones stop too).")
    private Double minutes;

    @Option(names = "--metric", paramLabel = "METRIC", description = "The validation metric to optimise (its usual direction). Default: rmse, roc_auc or accuracy.")
    private String metric;

    @Option(names = "--prune", description = "Stop trials whose per-round metric is behind the median (xgboost, mlp).")
    private boolean prune;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A fixed hyperparameter for every trial, e.g. --param rounds=200 (repeatable).")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cv", paramLabel = "K", description = "Score every trial by K-fold cross-validation instead of a 20%% holdout.")
    private Integer cv;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the search and the training. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--warm-start", paramLabel = "JOB", description = "Learn from the trials of an earlier tuning job (its number).")
    private Long warmStart;

    @Option(names = "--register", paramLabel = "NAME", description = "Register the best trial's model as the next version of NAME.")
    private String register;

    @Override
    public Integer call() throws Exception {
        Function<DatasetId, TuningSpec> spec = checkedSpec();
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            Optional<Dataset> found = session.engine().datasets().find(data);
            if (found.isEmpty()) {
                throw new CliException("There is no dataset '" + data + "'. " + datasetNames(session));
            }
            Dataset dataset = found.get();
            TuningSpec full = spec.apply(dataset.id());
            TrainingRequest template = full.template();
            TrialPrinter printer = new TrialPrinter(out(), full.threadsPerTrial(Runtime.getRuntime().availableProcessors()));
            TuningResult result;
            try {
                result = session.run("Tuning " + template.algorithm() + " on " + dataset.name(), context -> {
                    try {
                        return session.engine().tuning().run(full, context, printer);
                    } catch (TuningException e) {
                        throw new CliException(e.getMessage(), ExitCodes.FAILURE, e);
                    }
                });
            } catch (CliException e) {
                if (e.exitCode() == ExitCodes.CANCELLED) {
                    throw new CliException(stoppedMessage(session), ExitCodes.CANCELLED, null);
                }
                throw e;
            }
            printSummary(result, session);
            if (register != null) {
                if (result.best().isEmpty()) {
                    throw new CliException("No trial finished, so there is no model to register.");
                }
                ModelVersion v = session.engine().tuning().registerBest(result.jobId(), register);
                out().printf("Registered: %s:%d (%s)%n", v.name(), v.version(), v.status());
            }
            out().flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Everything checked before the workspace opens (a typo fails at once, without opening it); the
     * result builds the spec for the dataset, which is known only once the workspace is open.
     */
    private Function<DatasetId, TuningSpec> checkedSpec() throws CliException {
        Algorithm algo = TrainCommand.algorithm(algorithm);
        Strategy s;
        SearchSpace searched;
        Budget budget;
        try {
            s = Strategy.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage(), strategy);
        }
        try {
            searched = space == null ? SearchSpace.defaultsFor(algo.id()).orElseThrow(() -> new IllegalArgumentException(
                    algo.id() + " has no default search space; give one with --space.")) : SearchSpace.parse(space);
        } catch (IllegalArgumentException e) {
            throw usage("--space: " + e.getMessage(), space);
        }
        try {
            budget = minutes == null ? Budget.trials(trials) : Budget.of(trials, Duration.ofMillis(Math.round(minutes * 60_000)));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage(), minutes == null ? String.valueOf(trials) : String.valueOf(minutes));
        }
        if (parallel < 1 || parallel > 64) {
            throw usage("--parallel must be between 1 and 64, not " + parallel + ".", String.valueOf(parallel));
        }
        if (threadsPerTrial < 0 || threadsPerTrial > TuningSpec.MAX_THREADS_PER_TRIAL) {
            throw usage("--threads-per-trial must be between 1 and " + TuningSpec.MAX_THREADS_PER_TRIAL
                    + " (or 0: the cores shared among the trials at once), not " + threadsPerTrial + ".",
                    String.valueOf(threadsPerTrial));
        }
        if (register != null && !MODEL_NAME.matcher(register).matches()) {
            throw usage("A model name uses letters, digits, '.', '_' and '-', starts with a letter or digit and has at"
                    + " most 64 characters; '" + register + "' does not.", register);
        }
        Validation validation;
        try {
            validation = cv == null ? new Validation.Holdout(0.2, seed) : new Validation.KFold(cv, seed);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage() + ".", String.valueOf(cv));
        }
        if (metric != null && metric.isBlank()) {
            throw usage("--metric is empty.", metric);
        }
        Optional<Objective> objective = metric == null ? Optional.empty() : Optional.of(Objective.of(metric.strip()));
        if (warmStart != null && warmStart < 1) {
            throw usage("--warm-start takes the number of an earlier tuning job, not " + warmStart + ".", String.valueOf(warmStart));
        }
        Optional<TuningJobId> earlier = Optional.ofNullable(warmStart).map(TuningJobId::new);
        return dataset -> {
            TrainingRequest template = TrainingRequest.of(dataset, target, algo.id()).withOptions(params).withValidation(validation);
            TuningSpec spec = TuningSpec.of(template, searched).withStrategy(s)
                    .withPruning(prune ? Pruning.MEDIAN : Pruning.NONE).withBudget(budget).withParallelism(parallel).withSeed(seed)
                    .withThreadsPerTrial(threadsPerTrial);
            spec = objective.map(spec::withObjective).orElse(spec);
            return earlier.map(spec::withWarmStart).orElse(spec);
        };
    }

    private void printSummary(TuningResult r, HeadlessSession session) throws TuningException {
        out().println();
        out().printf("Tuning job %s %s: %d trials (%d complete, %d stopped early, %d failed).%n", r.jobId(),
                r.status().name().toLowerCase(Locale.ROOT), r.trials().size(),
                r.count(dev.osprey.core.tune.TrialState.COMPLETE), r.count(dev.osprey.core.tune.TrialState.PRUNED),
                r.count(dev.osprey.core.tune.TrialState.FAILED));
        if (r.best().isEmpty()) {
            out().println("No trial finished.");
            return;
        }
        Trial best = r.best().get();
        out().printf("Best: trial %d, %s %s, run %s%n", best.number(), r.objective().metric(),
                Numbers.metric(best.value().getAsDouble()), best.run().map(id -> Long.toString(id.value())).orElse("-"));
        out().println("  " + TrialPrinter.params(best.params()));
        TuningJob job = session.engine().tuning().job(r.jobId());
        Map<String, Double> importance = HyperparameterImportance.of(r.trials(), job.space());
        if (r.count(dev.osprey.core.tune.TrialState.COMPLETE) >= 5) {
            out().println("Parameter importance: " + importance.entrySet().stream()
                    .map(e -> e.getKey() + " " + Numbers.percent(e.getValue())).collect(Collectors.joining(", ")));
        }
    }

    private static String stoppedMessage(HeadlessSession session) {
        try {
            List<TuningJob> jobs = session.engine().tuning().jobs();
            if (!jobs.isEmpty()) {
                TuningJob job = jobs.getFirst();
                int kept = session.engine().tuning().trials(job.id()).size();
                return "Tuning stopped; job " + job.id() + " keeps its " + kept + " finished trial(s).";
            }
        } catch (TuningException ignored) {
            // the general message below
        }
        return "Tuning stopped.";
    }

    private static String datasetNames(HeadlessSession session) throws Exception {
        List<String> names = session.engine().datasets().list().stream().map(Dataset::name).toList();
        return names.isEmpty() ? "The workspace has no datasets." : "The datasets are: " + String.join(", ", names) + ".";
    }

    private ParameterException usage(String message, String value) {
        return new ParameterException(spec.commandLine(), message, null, null, value);
    }

    /** Prints a header, then one fixed-width line per finished trial, from the tuner's threads. */
    static final class TrialPrinter implements java.util.function.Consumer<TuningEvent> {
        private final java.io.PrintWriter out;
        private final int threadsPerTrial;
        private Objective objective = Objective.minimize("value");
        private Optional<Double> best = Optional.empty();

        TrialPrinter(java.io.PrintWriter out, int threadsPerTrial) {
            this.out = out;
            this.threadsPerTrial = threadsPerTrial;
        }

        @Override
        public synchronized void accept(TuningEvent event) {
            switch (event) {
                case TuningEvent.JobStarted s -> {
                    objective = s.objective();
                    String metric = objective.metric();
                    out.printf("Tuning job %s: %s, %s, %s, %d at once, %d thread%s each%n", s.jobId(), s.name(),
                            s.strategy().name().toLowerCase(Locale.ROOT), s.objective(), s.parallelism(), threadsPerTrial,
                            threadsPerTrial == 1 ? "" : "s");
                    out.printf("%5s  %-9s  %12s  %8s  %s%n", "TRIAL", "STATE", metric.toUpperCase(Locale.ROOT), "SECONDS", "PARAMS");
                }
                case TuningEvent.TrialFinished f -> {
                    Trial t = f.trial();
                    String value = t.isComplete() ? Numbers.metric(t.value().getAsDouble())
                            : t.state() == dev.osprey.core.tune.TrialState.PRUNED ? "(step " + t.lastStep() + ")" : "-";
                    boolean better = t.isComplete() && (best.isEmpty()
                            || objective.direction().better(t.value().getAsDouble(), best.get()));
                    if (better) {
                        best = Optional.of(t.value().getAsDouble());
                    }
                    out.printf("%5d  %-9s  %12s%s %8.1f  %s%s%n", t.number(), t.state().name().toLowerCase(Locale.ROOT), value,
                            better ? "*" : " ",
                            t.elapsed().toMillis() / 1000.0, params(t.params()),
                            t.state() == dev.osprey.core.tune.TrialState.FAILED ? "  (" + t.message() + ")" : "");
                }
                default -> {
                    return;
                }
            }
            out.flush();
        }

        static String params(Map<String, String> params) {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }
    }
}
