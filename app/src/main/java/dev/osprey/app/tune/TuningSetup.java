package dev.osprey.app.tune;

import dev.osprey.app.jobpage.DatasetChoice;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.Algorithms;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.tune.Budget;
import dev.osprey.core.tune.Direction;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.Param;
import dev.osprey.core.tune.Pruning;
import dev.osprey.core.tune.SearchSpace;
import dev.osprey.core.tune.Strategy;
import dev.osprey.core.tune.TuningChecks;
import dev.osprey.core.tune.TuningException;
import dev.osprey.core.tune.TuningJob;
import dev.osprey.core.tune.TuningSpec;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the next tuning job will be, as the form edits it: dataset, target (and the problem type
 * it implies), algorithm, the search space as rows (defaults per algorithm), strategy, pruning,
 * objective, budget, parallelism, seed and an optional earlier job to warm-start from.
 * {@link #problemProperty()} says in one plain sentence why it cannot start yet; each row's error
 * is checked as it is typed, with the engine's messages. UI thread only; holds no nodes.
 */
public final class TuningSetup {
    /** A new dataset with the same target's name may imply another problem type: check it again. */
    private final DatasetChoice data = new DatasetChoice(this::onTarget);
    private final ObservableList<Dataset> datasets = data.datasets();
    private final ObjectProperty<Dataset> dataset = data.datasetProperty();
    private final StringProperty target = data.targetProperty();
    private final ReadOnlyObjectWrapper<ProblemType> problemType = new ReadOnlyObjectWrapper<>(this, "problemType");
    private final ObservableList<Algorithm> algorithms = FXCollections.observableArrayList();
    private final ObjectProperty<Algorithm> algorithm = new SimpleObjectProperty<>(this, "algorithm");
    private final ObservableList<SpaceRow> rows = FXCollections.observableArrayList(r -> new Observable[]{
            r.nameProperty(), r.kindProperty(), r.lowProperty(), r.highProperty(), r.choicesProperty()});
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(this, "strategy", Strategy.BAYES);
    private final ObjectProperty<Pruning> pruning = new SimpleObjectProperty<>(this, "pruning", Pruning.NONE);
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final StringProperty metric = new SimpleStringProperty(this, "metric");
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.MINIMIZE);
    private final StringProperty maxTrials = new SimpleStringProperty(this, "maxTrials", "20");
    private final StringProperty maxMinutes = new SimpleStringProperty(this, "maxMinutes", "");
    private final ObjectProperty<Integer> parallelism = new SimpleObjectProperty<>(this, "parallelism", 1);
    /** 0: the cores shared among the trials at once (TuningSpec's default). */
    private final ObjectProperty<Integer> threadsPerTrial = new SimpleObjectProperty<>(this, "threadsPerTrial", 0);
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "42");
    private final ObservableList<TuningJob> earlierJobs = FXCollections.observableArrayList();
    private final ObjectProperty<TuningJob> warmStart = new SimpleObjectProperty<>(this, "warmStart");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final SimpleBooleanProperty workspaceOpen = new SimpleBooleanProperty(this, "workspaceOpen");

    TuningSetup() {
        target.addListener((o, a, t) -> onTarget());
        algorithm.addListener((o, a, alg) -> loadDefaults(alg));
        metric.addListener((o, a, m) -> {
            if (m != null) {
                direction.set(Objective.of(m).direction());
            }
        });
        rows.addListener((ListChangeListener<SpaceRow>) c -> checkRows());
        Observable[] inputs = {workspaceOpen, datasets, dataset, target, problemType, algorithm, rows, strategy, pruning,
                metric, maxTrials, maxMinutes, seed, warmStart};
        for (Observable in : inputs) {
            in.addListener(o -> updateProblem());
        }
        updateProblem();
    }

    // --- properties ---------------------------------------------------------------------------------

    public ObservableList<Dataset> datasets() {
        return datasets;
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public ObservableList<String> targets() {
        return data.targets();
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** Inferred from the target as training infers it; null without a target. */
    public ReadOnlyObjectProperty<ProblemType> problemTypeProperty() {
        return problemType.getReadOnlyProperty();
    }

    public ObservableList<Algorithm> algorithms() {
        return algorithms;
    }

    public ObjectProperty<Algorithm> algorithmProperty() {
        return algorithm;
    }

    /** The search space, one row per parameter; add and remove rows freely. */
    public ObservableList<SpaceRow> rows() {
        return rows;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public ObjectProperty<Pruning> pruningProperty() {
        return pruning;
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    public StringProperty metricProperty() {
        return metric;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public StringProperty maxTrialsProperty() {
        return maxTrials;
    }

    /** Blank: no time limit. */
    public StringProperty maxMinutesProperty() {
        return maxMinutes;
    }

    public ObjectProperty<Integer> parallelismProperty() {
        return parallelism;
    }

    public ObjectProperty<Integer> threadsPerTrialProperty() {
        return threadsPerTrial;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** Stored jobs of the chosen algorithm, newest first: the warm-start choices. */
    public ObservableList<TuningJob> earlierJobs() {
        return earlierJobs;
    }

    /** An earlier job whose trials seed this one; null for a cold start. */
    public ObjectProperty<TuningJob> warmStartProperty() {
        return warmStart;
    }

    /** Why the job cannot start yet, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void setWorkspaceOpen(boolean open) {
        workspaceOpen.set(open);
    }

    /** New dataset list from the catalog: keeps the chosen dataset when it is still there, else takes the first. */
    void setDatasets(List<Dataset> list) {
        data.setDatasets(list);
    }

    private List<TuningJob> allJobs = List.of();

    /** Stored jobs (any algorithm); the warm-start list shows those of the chosen algorithm. */
    void setJobs(List<TuningJob> jobs) {
        allJobs = List.copyOf(jobs);
        filterJobs();
    }

    /** Adds a row for {@code name}: a range [1, 10] as a start the user edits. */
    public SpaceRow addRow() {
        SpaceRow row = new SpaceRow();
        row.lowProperty().set("1");
        row.highProperty().set("10");
        rows.add(row);
        return row;
    }

    /** Puts the algorithm's default space back. */
    public void resetSpace() {
        loadDefaults(algorithm.get());
    }

    // --- the job ------------------------------------------------------------------------------------

    /** The space the rows describe; IllegalArgumentException naming the first bad row. */
    public SearchSpace space() {
        List<Param> params = new ArrayList<>();
        for (SpaceRow r : rows) {
            params.add(r.toParam());
        }
        return new SearchSpace(params);
    }

    /** The spec the form describes; IllegalArgumentException (plain message) when it cannot start. */
    public TuningSpec spec() {
        String why = problem.get();
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        Dataset d = dataset.get();
        TrainingRequest template = TrainingRequest.of(d.id(), target.get(), algorithm.get().id());
        TuningSpec spec = TuningSpec.of(template, space())
                .withStrategy(strategy.get())
                .withPruning(strategy.get() == Strategy.HYPERBAND ? Pruning.NONE : pruning.get())
                .withObjective(new Objective(metric.get(), direction.get()))
                .withBudget(budget())
                .withParallelism(parallelism.get())
                .withThreadsPerTrial(threadsPerTrial.get() == null ? 0 : threadsPerTrial.get())
                .withSeed(Long.parseLong(seed.get().strip()))
                .withName(algorithm.get().id() + " on " + d.name());
        return warmStart.get() == null ? spec : spec.withWarmStart(warmStart.get().id());
    }

    private Budget budget() {
        int trials = Integer.parseInt(maxTrials.get().strip());
        String minutes = maxMinutes.get() == null ? "" : maxMinutes.get().strip();
        if (minutes.isEmpty()) {
            return Budget.trials(trials);
        }
        double m = Double.parseDouble(minutes);
        return Budget.of(trials, Duration.ofMillis(Math.round(m * 60_000)));
    }

    // --- reactions ----------------------------------------------------------------------------------

    private void onTarget() {
        Dataset d = dataset.get();
        ProblemType type = null;
        if (d != null && target.get() != null) {
            try {
                type = TuningChecks.problemType(d, TrainingRequest.of(d.id(), target.get(), "xgboost"));
            } catch (TuningException e) {
                type = null;
            }
        }
        problemType.set(type);
        List<Algorithm> offered = type == null ? List.of() : Algorithms.supporting(type);
        Algorithm keep = algorithm.get();
        algorithms.setAll(offered);
        String keepMetric = metric.get();
        metrics.setAll(type == null ? List.of() : TuningChecks.metricsFor(type));
        metric.set(type == null ? null : metrics.contains(keepMetric) ? keepMetric : Objective.defaultFor(type).metric());
        if (keep != null && offered.contains(keep)) {
            return;
        }
        algorithm.set(offered.stream().filter(a -> a.id().equals("xgboost")).findFirst()
                .orElse(offered.isEmpty() ? null : offered.getFirst()));
    }

    private void loadDefaults(Algorithm a) {
        List<SpaceRow> next = a == null ? List.of()
                : SearchSpace.defaultsFor(a.id()).map(s -> s.params().stream().map(SpaceRow::of).toList()).orElse(List.of());
        rows.setAll(next);
        filterJobs();
        if (a != null && TuningChecks.resourceOf(a.id()).isEmpty()) {
            if (strategy.get() == Strategy.HYPERBAND) {
                strategy.set(Strategy.BAYES);
            }
            pruning.set(Pruning.NONE);
        }
    }

    private void filterJobs() {
        Algorithm a = algorithm.get();
        TuningJob keep = warmStart.get();
        earlierJobs.setAll(a == null ? List.of() : allJobs.stream().filter(j -> j.algorithm().equals(a.id())).toList());
        warmStart.set(keep != null && earlierJobs.stream().anyMatch(j -> j.id().equals(keep.id()))
                ? earlierJobs.stream().filter(j -> j.id().equals(keep.id())).findFirst().orElse(null) : null);
    }

    /** Each row's error in the engine's words: its own syntax, then whether the algorithm takes it. */
    private void checkRows() {
        Algorithm a = algorithm.get();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SpaceRow r : rows) {
            String error;
            try {
                Param p = r.toParam();
                error = a == null ? null : SpaceChecks.suits(p, a);
                if (error == null && !seen.add(p.name())) {
                    error = "The parameter " + p.name() + " is in the search space twice.";
                }
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            if (!Objects.equals(error, r.errorProperty().get())) {
                r.errorProperty().set(error);
            }
        }
        // the list's invalidation listeners (updateProblem) ran before this change listener
        updateProblem();
    }

    private void updateProblem() {
        problem.set(findProblem());
    }

    private String findProblem() {
        if (!workspaceOpen.get()) {
            return "Open a workspace first.";
        }
        if (datasets.isEmpty()) {
            return "Import a dataset first (Data page).";
        }
        if (dataset.get() == null) {
            return "Choose a dataset.";
        }
        if (target.get() == null) {
            return "Choose the target column to predict.";
        }
        if (problemType.get() == null) {
            return "The target " + target.get() + " cannot be predicted.";
        }
        if (algorithm.get() == null) {
            return "Choose an algorithm.";
        }
        if (rows.isEmpty()) {
            return "Add at least one parameter to search.";
        }
        for (SpaceRow r : rows) {
            if (r.errorProperty().get() != null) {
                return r.errorProperty().get();
            }
        }
        if (strategy.get() == Strategy.HYPERBAND && TuningChecks.resourceOf(algorithm.get().id()).isEmpty()) {
            return "Hyperband stops trials by boosting rounds or epochs; " + algorithm.get().id()
                    + " has neither. Choose xgboost or mlp, or another strategy.";
        }
        if (pruning.get() == Pruning.MEDIAN && strategy.get() != Strategy.HYPERBAND
                && TuningChecks.resourceOf(algorithm.get().id()).isEmpty()) {
            return "Median stopping compares trials round by round; " + algorithm.get().id()
                    + " reports no rounds. Turn pruning off.";
        }
        if (metric.get() == null) {
            return "Choose the metric to optimise.";
        }
        try {
            budget();
        } catch (NumberFormatException e) {
            return "The budget needs a whole number of trials and, optionally, a number of minutes.";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        try {
            Long.parseLong(seed.get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            return "The seed must be a whole number.";
        }
        return null;
    }
}
