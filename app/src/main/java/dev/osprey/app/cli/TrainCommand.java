package dev.osprey.app.cli;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.AlgorithmOptions;
import dev.osprey.core.train.Algorithms;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.RecipeRef;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import dev.osprey.core.train.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code osprey train --data NAME_OR_FILE --target COL [...]}: one training job, recorded as a run,
 * optionally registered as the next version of a named model. Without {@code --target} a clustering
 * algorithm ({@code kmeans}, {@code dbscan}) groups the rows. Everything the command line can get
 * wrong is checked before any data is read, so a typo never costs a training's time.
 */
@Command(name = "train", sortOptions = false, description = {"Train a model on a dataset and record the run.",
        "Progress goes to stderr; the metrics, the run id and the registered version to stdout."})
final class TrainCommand extends HeadlessCommand {
    /** ModelRegistry's rule for model names (checked there too); here so a bad name fails before training. */
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_IMPORTANCE_ROWS = 10;
    private static final int MAX_CONFUSION_CLASSES = 20;

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "NAME_OR_FILE",
            description = "A dataset of the workspace, or a data file (imported first as a dataset named from the file).")
    private String data;

    @Option(names = {"-t", "--target"}, paramLabel = "COL",
            description = "The column to predict. Leave it out to cluster (--algorithm kmeans or dbscan).")
    private String target;

    @Option(names = {"-a", "--algorithm"}, paramLabel = "ALGORITHM", defaultValue = "xgboost",
            description = "Default: ${DEFAULT-VALUE}. 'osprey algorithms' lists them with their parameters.")
    private String algorithm;

    @Option(names = "--recipe", paramLabel = "RECIPE[:VERSION]",
            description = {"Train on the result of this saved wrangling recipe over the data (latest version unless"
                    + " :VERSION). The model then takes the data's raw columns and applies the recipe itself."})
    private String recipe;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A hyperparameter, e.g. --param max_depth=4 (repeatable); others keep their defaults.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cv", paramLabel = "K", description = "Validate with K-fold cross-validation (2-20).")
    private Integer cv;

    @Option(names = "--stratified", description = "With --cv: keep the class mix in every fold (classification).")
    private boolean stratified;

    @Option(names = "--holdout", paramLabel = "RATIO",
            description = "Validate on this share of the rows (0.05-0.5). Default: 0.2 unless --cv is given.")
    private Double holdout;

    @Option(names = "--problem", paramLabel = "TYPE",
            description = "regression, binary or multiclass. Default: inferred from the target.")
    private ProblemType problem;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the split and the algorithm. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--experiment", paramLabel = "NAME", description = "The experiment to record the run in. Default: 'DATASET / TARGET'.")
    private String experiment;

    @Option(names = "--register", paramLabel = "NAME", description = "Register the model as the next version of NAME.")
    private String register;

    @Override
    public Integer call() throws Exception {
        Validation validation = validation();
        if (register != null && !MODEL_NAME.matcher(register).matches()) {
            throw usage("A model name uses letters, digits, '.', '_' and '-', starts with a letter or digit and has at"
                    + " most 64 characters; '" + register + "' does not.", register);
        }
        if (experiment != null && experiment.isBlank()) {
            throw usage("The experiment name is empty.", experiment);
        }
        Optional<RecipeRef> recipeRef = recipeRef();
        Algorithm algo = algorithm(algorithm);
        boolean clustering = target == null;
        checkClustering(algo, clustering);
        AlgorithmOptions options = algo.options(params);
        if (problem != null && !algo.supports(problem)) {
            throw new CliException(algo.displayName() + " cannot train a " + problem.name().toLowerCase(Locale.ROOT)
                    + " model; choose one of " + String.join(", ", Algorithms.supporting(problem).stream().map(Algorithm::id).toList()) + ".");
        }
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            Dataset dataset = dataset(session);
            TrainingRequest request = clustering ? TrainingRequest.clustering(dataset.id(), algo.id()).withOptions(params)
                    : TrainingRequest.of(dataset.id(), target, algo.id()).withOptions(params).withValidation(validation);
            if (problem != null && !clustering) {
                request = request.withProblemType(problem);
            }
            if (experiment != null) {
                request = request.withExperiment(experiment.strip());
            }
            if (recipeRef.isPresent()) {
                request = request.withRecipe(recipeRef.get());
            }
            String experimentName = request.experiment().orElse(dataset.name() + " / " + (clustering ? "clusters" : target));
            int folds = validation instanceof Validation.Holdout ? 1 : cv;
            int rounds = rounds(options);
            String title = "Training " + algo.id() + " on " + dataset.name();
            TrainingRequest finalRequest = request;
            TrainingResult result;
            try {
                result = session.run(title, context -> {
                    TrainingConsole console = new TrainingConsole(context,
                            ProgressPrinter.forTerminal(err(), title, env().errIsTerminal()), err(), folds, rounds);
                    try {
                        return session.engine().training().train(finalRequest, console, console);
                    } finally {
                        console.finish();
                    }
                });
            } catch (CliException e) {
                if (e.exitCode() == ExitCodes.CANCELLED) {
                    throw new CliException(cancelledRun(session, experimentName)
                            .map(id -> "Training cancelled; run " + id + " is recorded as CANCELLED.")
                            .orElse("Training cancelled before it started; no run was recorded."), ExitCodes.CANCELLED, null);
                }
                throw e;
            }
            print(algo, dataset, validation, result, experimentName);
            if (register != null) {
                ModelVersion v = session.engine().registry().register(result.runId(), register);
                out().printf("Registered: %s:%d (%s)%n", v.name(), v.version(), v.status());
            }
            out().flush();
        }
        return ExitCodes.OK;
    }

    /** A clustering algorithm takes no target and no validation; every other one needs a target. */
    private void checkClustering(Algorithm algo, boolean clustering) {
        boolean clusters = algo.supports(ProblemType.CLUSTERING);
        if (clustering && !clusters) {
            throw usage("Missing --target COL: " + algo.id() + " learns to predict a column. To group rows without a target,"
                    + " use --algorithm " + String.join(" or ", Algorithms.supporting(ProblemType.CLUSTERING).stream()
                    .map(Algorithm::id).toList()) + ".", algorithm);
        }
        if (!clustering && clusters) {
            throw usage(algo.id() + " finds clusters without a target; leave out --target " + target + ".", target);
        }
        if (clustering && (cv != null || holdout != null || stratified || problem != null)) {
            throw usage("Clustering uses every row and has no target: --cv, --holdout, --stratified and --problem do not"
                    + " apply to " + algo.id() + ".", algorithm);
        }
    }

    private Validation validation() {
        if (cv != null && holdout != null) {
            throw usage("Choose one validation: --cv K or --holdout RATIO, not both.", "--cv");
        }
        if (stratified && cv == null) {
            throw usage("--stratified goes with --cv K.", "--stratified");
        }
        try {
            if (cv != null) {
                return stratified ? new Validation.StratifiedKFold(cv, seed) : new Validation.KFold(cv, seed);
            }
            return new Validation.Holdout(holdout == null ? 0.2 : holdout, seed);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage() + ".", cv != null ? String.valueOf(cv) : String.valueOf(holdout));
        }
    }

    /** Ids as listed, case-insensitive, with '-' for '_' (random-forest). */
    static Algorithm algorithm(String name) throws CliException {
        String id = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Algorithms.find(id).orElseThrow(() -> new CliException("There is no algorithm '" + name + "'. Choose one of: "
                + String.join(", ", Algorithms.all().stream().map(Algorithm::id).toList())
                + " ('osprey algorithms' shows their parameters)."));
    }

    private static int rounds(AlgorithmOptions options) {
        String r = options.toMap().get("rounds");
        try {
            return r == null ? 0 : Integer.parseInt(r);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The dataset named {@code --data}, else the file it names imported as a new dataset. */
    private Dataset dataset(HeadlessSession session) throws Exception {
        Optional<Dataset> named = session.engine().datasets().find(data);
        if (named.isPresent()) {
            return named.get();
        }
        Path file = resolve(Path.of(data));
        if (!Files.isRegularFile(file)) {
            List<String> names = session.engine().datasets().list().stream().map(Dataset::name).toList();
            throw new CliException("There is no dataset or file '" + data + "'. "
                    + (names.isEmpty() ? "The workspace has no datasets." : "The datasets are: " + String.join(", ", names) + "."));
        }
        ImportRequest request;
        try {
            request = ImportRequest.of(file);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " Import it with: osprey data import FILE --name NAME");
        }
        if (session.engine().datasets().find(request.effectiveName()).isPresent()) {
            throw new CliException("The workspace already has a dataset '" + request.effectiveName() + "'; train on it with"
                    + " --data " + request.effectiveName() + ", or import " + file.getFileName()
                    + " under another name with: osprey data import FILE --name NAME");
        }
        Dataset d = session.run("Importing " + file.getFileName(),
                context -> session.engine().datasets().importFile(request, context));
        err().printf("Imported %s as the dataset '%s' (%s rows, %d columns).%n", file.getFileName(), d.name(),
                Numbers.count(d.rowCount()), d.columns().size());
        err().flush();
        return d;
    }

    private void print(Algorithm algo, Dataset dataset, Validation validation, TrainingResult r, String experimentName) {
        ProblemType type = r.model().signature().problemType();
        if (type == ProblemType.CLUSTERING) {
            printClusters(algo, dataset, r, experimentName);
            return;
        }
        out().printf("Trained %s on %s to predict %s (%s), %s: %s training rows, %s validation rows, %s.%n",
                algo.displayName(), dataset.name(), target, type.name().toLowerCase(Locale.ROOT), validation.describe(),
                Numbers.count(r.trainRows()), Numbers.count(r.validRows()), Numbers.seconds(r.elapsed().toMillis() / 1000.0));
        printRecipe(r);
        out().println();
        Map<String, Double> metrics = new LinkedHashMap<>(r.metrics());
        metrics.keySet().removeIf(k -> k.contains("["));
        Numbers.metricsTable(metrics).print(out());
        r.report().ifPresent(report -> {
            if (report.labels().size() <= MAX_CONFUSION_CLASSES) {
                out().println();
                ModelCards.perClass(report).print(out());
                out().println();
                out().println("Confusion matrix (rows: actual, columns: predicted):");
                ModelCards.confusion(report).print(out());
            }
        });
        if (!r.importance().byColumn().isEmpty()) {
            out().println();
            ModelCards.importance(r.importance(), MAX_IMPORTANCE_ROWS).print(out());
        }
        out().println();
        out().printf("Run: %d (experiment '%s')%n", r.runId().value(), experimentName);
    }

    /** For a model trained through a recipe: which one, and the raw columns it takes. */
    private void printRecipe(TrainingResult r) {
        r.model().recipe().ifPresent(b -> {
            out().printf("Through the recipe %s: the model takes the raw columns %s and applies the recipe first.%n",
                    b.describe(), String.join(", ", r.model().signature().inputNames()));
            if (!b.skippedSteps().isEmpty()) {
                out().printf("Left out when scoring single rows: %s.%n", String.join("; ", b.skippedSteps()));
            }
        });
    }

    private Optional<RecipeRef> recipeRef() {
        if (recipe == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RecipeRef.parse(recipe));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage(), recipe);
        }
    }

    private void printClusters(Algorithm algo, Dataset dataset, TrainingResult r, String experimentName) {
        out().printf("Clustered %s rows of %s with %s in %s.%n", Numbers.count(r.trainRows()), dataset.name(),
                algo.displayName(), Numbers.seconds(r.elapsed().toMillis() / 1000.0));
        out().println();
        Numbers.metricsTable(r.metrics()).print(out());
        r.clusters().ifPresent(c -> {
            out().println();
            TextTable t = new TextTable(List.of("CLUSTER", "ROWS"), false, true);
            for (int k = 0; k < c.clusters(); k++) {
                t.add(List.of(Integer.toString(k), Numbers.count(c.sizes().get(k))));
            }
            if (c.noise() > 0) {
                t.add(List.of("noise (-1)", Numbers.count(c.noise())));
            }
            t.print(out());
        });
        if (!r.importance().byColumn().isEmpty()) {
            out().println();
            ModelCards.importance(r.importance(), MAX_IMPORTANCE_ROWS).print(out());
        }
        out().println();
        out().printf("Run: %d (experiment '%s')%n", r.runId().value(), experimentName);
    }

    /** The newest run of the experiment when it is the cancelled one (a job cancelled while queued has none). */
    private static Optional<Long> cancelledRun(HeadlessSession session, String experimentName) {
        try {
            for (Experiment e : session.engine().experiments().experiments()) {
                if (e.name().equals(experimentName)) {
                    List<Run> runs = session.engine().experiments().runs(e.id());
                    if (!runs.isEmpty() && runs.getFirst().status() == RunStatus.CANCELLED) {
                        return Optional.of(runs.getFirst().id().value());
                    }
                }
            }
        } catch (ExperimentException ignored) {
            // the message stays general
        }
        return Optional.empty();
    }

    private ParameterException usage(String message, String value) {
        return new ParameterException(spec.commandLine(), message, null, null, value);
    }
}
