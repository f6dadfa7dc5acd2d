package dev.osprey.app.train;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.Algorithms;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.Validation;
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
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the next training will be, as the form edits it: dataset, target, problem type (inferred,
 * overridable), algorithm (only those that support the type), hyperparameters, validation and
 * experiment name. {@link #problemProperty()} says in one plain sentence why it cannot start yet.
 * Lives on the UI thread; holds no nodes.
 */
public final class TrainingSetup {
    /** The target choice that means "no target": cluster the rows with k-means or DBSCAN. */
    public static final String NO_TARGET = "(no target: clustering)";
    /** The recipe choice that means "train on the dataset as it is". */
    public static final String NO_RECIPE = "None";

    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ObservableList<Dataset> datasetsView = FXCollections.unmodifiableObservableList(datasets);
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<String> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final StringProperty target = new SimpleStringProperty(this, "target");
    private final ObservableList<String> recipes = FXCollections.observableArrayList(NO_RECIPE);
    private final ObservableList<String> recipesView = FXCollections.unmodifiableObservableList(recipes);
    private final StringProperty recipe = new SimpleStringProperty(this, "recipe", NO_RECIPE);
    private Map<DatasetId, List<String>> recipesByDataset = Map.of();
    private final ReadOnlyObjectWrapper<ProblemType> inferredType = new ReadOnlyObjectWrapper<>(this, "inferredType");
    private final ObjectProperty<ProblemType> typeOverride = new SimpleObjectProperty<>(this, "typeOverride");
    private final ReadOnlyObjectWrapper<ProblemType> problemType = new ReadOnlyObjectWrapper<>(this, "problemType");
    private final ObservableList<Algorithm> algorithms = FXCollections.observableArrayList();
    private final ObservableList<Algorithm> algorithmsView = FXCollections.unmodifiableObservableList(algorithms);
    private final ObjectProperty<Algorithm> algorithm = new SimpleObjectProperty<>(this, "algorithm");
    private final HyperparameterForm hyperparameters = new HyperparameterForm();
    private final ObservableList<ValidationKind> validationKinds = FXCollections.observableArrayList();
    private final ObservableList<ValidationKind> validationKindsView = FXCollections.unmodifiableObservableList(validationKinds);
    private final ObjectProperty<ValidationKind> validationKind = new SimpleObjectProperty<>(this, "validationKind",
            ValidationKind.HOLDOUT);
    private final StringProperty holdoutRatio = new SimpleStringProperty(this, "holdoutRatio", "0.2");
    private final StringProperty folds = new SimpleStringProperty(this, "folds", "5");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "42");
    private final StringProperty experiment = new SimpleStringProperty(this, "experiment", "");
    private final ReadOnlyStringWrapper defaultExperiment = new ReadOnlyStringWrapper(this, "defaultExperiment", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final SimpleBooleanProperty workspaceOpen = new SimpleBooleanProperty(this, "workspaceOpen");

    TrainingSetup() {
        validationKinds.setAll(ValidationKind.HOLDOUT, ValidationKind.K_FOLD);
        dataset.addListener((o, a, d) -> onDataset(d));
        target.addListener((o, a, t) -> onTarget());
        typeOverride.addListener((o, a, t) -> onType());
        algorithm.addListener((o, a, alg) -> hyperparameters.load(alg));
        Observable[] inputs = {workspaceOpen, datasets, dataset, target, algorithm, hyperparameters.problemProperty(),
                validationKind, holdoutRatio, folds, seed, problemType};
        for (Observable in : inputs) {
            in.addListener(o -> updateProblem());
        }
        updateProblem();
    }

    // --- properties ---------------------------------------------------------------------------------

    public ObservableList<Dataset> datasets() {
        return datasetsView;
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    /** The columns that can be predicted (every column except ids and ignored ones). */
    public ObservableList<String> targets() {
        return targetsView;
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** {@link #NO_RECIPE}, then the saved wrangling recipes made on the chosen dataset. */
    public ObservableList<String> recipes() {
        return recipesView;
    }

    /**
     * The recipe to train through (the model then takes the dataset's raw columns and applies the
     * recipe's latest version itself); {@link #NO_RECIPE} trains on the dataset as it is.
     */
    public StringProperty recipeProperty() {
        return recipe;
    }

    /** What the target's values suggest; null without a target. */
    public ReadOnlyObjectProperty<ProblemType> inferredTypeProperty() {
        return inferredType.getReadOnlyProperty();
    }

    /** The user's choice of problem type; null means "as inferred". */
    public ObjectProperty<ProblemType> typeOverrideProperty() {
        return typeOverride;
    }

    /** The problem type training will use: the override, else the inferred one. */
    public ReadOnlyObjectProperty<ProblemType> problemTypeProperty() {
        return problemType.getReadOnlyProperty();
    }

    /** The algorithms that can train {@link #problemTypeProperty()}. */
    public ObservableList<Algorithm> algorithms() {
        return algorithmsView;
    }

    public ObjectProperty<Algorithm> algorithmProperty() {
        return algorithm;
    }

    public HyperparameterForm hyperparameters() {
        return hyperparameters;
    }

    /** Stratified k-fold is offered for classification only. */
    public ObservableList<ValidationKind> validationKinds() {
        return validationKindsView;
    }

    public ObjectProperty<ValidationKind> validationKindProperty() {
        return validationKind;
    }

    public StringProperty holdoutRatioProperty() {
        return holdoutRatio;
    }

    public StringProperty foldsProperty() {
        return folds;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** The experiment name; blank means {@link #defaultExperimentProperty()}. */
    public StringProperty experimentProperty() {
        return experiment;
    }

    public ReadOnlyStringProperty defaultExperimentProperty() {
        return defaultExperiment.getReadOnlyProperty();
    }

    /** Why training cannot start, in one sentence; null when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The "no target" choice is made: the rows are clustered, without validation. */
    public boolean isClustering() {
        return NO_TARGET.equals(target.get());
    }

    /** Picks an algorithm by id among those offered; false when it is not offered. */
    public boolean selectAlgorithm(String id) {
        return algorithms.stream().filter(a -> a.id().equals(id)).findFirst().map(a -> {
            algorithm.set(a);
            return true;
        }).orElse(false);
    }

    // --- for the view model ---------------------------------------------------------------------------

    void setWorkspaceOpen(boolean open) {
        workspaceOpen.set(open);
    }

    /** New dataset list: keeps the chosen dataset (by id) when it is still there, else picks the first. */
    void setDatasets(List<Dataset> list) {
        Dataset current = dataset.get();
        datasets.setAll(list);
        Dataset again = current == null ? null
                : list.stream().filter(d -> d.id().equals(current.id())).findFirst().orElse(null);
        if (again != null && again.equals(current)) {
            return;
        }
        dataset.set(again != null ? again : list.isEmpty() ? null : list.getFirst());
    }

    /** The saved recipes by the dataset they were made on; keeps the chosen recipe when it is still offered. */
    void setRecipes(Map<DatasetId, List<String>> byDataset) {
        recipesByDataset = Map.copyOf(byDataset);
        offerRecipes(dataset.get());
    }

    private void offerRecipes(Dataset d) {
        String keep = recipe.get();
        List<String> names = d == null ? List.of() : recipesByDataset.getOrDefault(d.id(), List.of());
        recipes.setAll(NO_RECIPE);
        recipes.addAll(names);
        recipe.set(keep != null && recipes.contains(keep) ? keep : NO_RECIPE);
    }

    /** The request the form describes. Call only when {@link #problemProperty()} is null. */
    TrainingRequest request() {
        Dataset d = Objects.requireNonNull(dataset.get(), "dataset");
        TrainingRequest r = isClustering()
                ? TrainingRequest.clustering(d.id(), algorithm.get().id()).withOptions(hyperparameters.values())
                : TrainingRequest.of(d.id(), target.get(), algorithm.get().id()).withOptions(hyperparameters.values())
                .withValidation(validation());
        if (typeOverride.get() != null && !isClustering()) {
            r = r.withProblemType(typeOverride.get());
        }
        if (recipe.get() != null && !NO_RECIPE.equals(recipe.get())) {
            r = r.withRecipe(recipe.get(), null);
        }
        String name = experiment.get() == null ? "" : experiment.get().strip();
        return name.isEmpty() ? r : r.withExperiment(name);
    }

    /** The validation the fields describe; IllegalArgumentException with a plain message when they cannot. */
    Validation validation() {
        long s = whole(seed.get(), "The seed");
        return switch (validationKind.get() == null ? ValidationKind.HOLDOUT : validationKind.get()) {
            case HOLDOUT -> new Validation.Holdout(decimal(holdoutRatio.get(), "The holdout ratio"), s);
            case K_FOLD -> new Validation.KFold((int) whole(folds.get(), "The number of folds"), s);
            case STRATIFIED_K_FOLD -> new Validation.StratifiedKFold((int) whole(folds.get(), "The number of folds"), s);
        };
    }

    // --- internals --------------------------------------------------------------------------------------

    private void onDataset(Dataset d) {
        offerRecipes(d);
        if (d == null) {
            targets.clear();
            target.set(null);
            defaultExperiment.set("");
            return;
        }
        String keep = target.get();
        targets.setAll(d.columns().stream().filter(c -> c.role() != ColumnRole.ID && c.role() != ColumnRole.IGNORE)
                .map(Column::name).toList());
        targets.add(NO_TARGET);
        String next = keep != null && targets.contains(keep) && d.target().isEmpty() ? keep
                : d.target().map(Column::name).orElse(null);
        if (Objects.equals(next, target.get())) {
            onTarget(); // same name, new dataset: its statistics may differ
        } else {
            target.set(next);
        }
    }

    private void onTarget() {
        Dataset d = dataset.get();
        if (isClustering()) {
            inferredType.set(ProblemType.CLUSTERING);
            defaultExperiment.set(d == null ? "" : d.name() + " / clusters");
            onType();
            return;
        }
        Column c = d == null || target.get() == null ? null : d.column(target.get()).orElse(null);
        inferredType.set(c == null ? null : ProblemTypes.infer(c));
        defaultExperiment.set(d == null || c == null ? "" : d.name() + " / " + c.name());
        onType();
    }

    private void onType() {
        ProblemType type = isClustering() ? ProblemType.CLUSTERING
                : typeOverride.get() != null ? typeOverride.get() : inferredType.get();
        problemType.set(type);
        Algorithm current = algorithm.get();
        List<Algorithm> offered = type == null ? List.of() : Algorithms.supporting(type);
        algorithms.setAll(offered);
        if (current == null || !offered.contains(current)) {
            algorithm.set(offered.isEmpty() ? null : offered.getFirst());
        }
        if (type != null && type.isClassification()) {
            validationKinds.setAll(ValidationKind.values());
        } else {
            validationKinds.setAll(ValidationKind.HOLDOUT, ValidationKind.K_FOLD);
            if (validationKind.get() == ValidationKind.STRATIFIED_K_FOLD) {
                validationKind.set(ValidationKind.K_FOLD);
            }
        }
    }

    private void updateProblem() {
        problem.set(findProblem());
    }

    private String findProblem() {
        if (!workspaceOpen.get()) {
            return "Open a workspace to train a model.";
        }
        if (datasets.isEmpty()) {
            return "Import a dataset on the Data page first.";
        }
        if (dataset.get() == null) {
            return "Choose a dataset.";
        }
        if (target.get() == null || target.get().isBlank()) {
            return "Choose the target column to predict.";
        }
        if (algorithm.get() == null) {
            return "No algorithm trains a " + ProblemTypes.label(problemType.get()).toLowerCase(java.util.Locale.ROOT) + ".";
        }
        if (hyperparameters.problemProperty().get() != null) {
            return hyperparameters.problemProperty().get();
        }
        try {
            validation();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private static long whole(String text, String what) {
        String s = text == null ? "" : text.strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + s + "'");
        }
    }

    private static double decimal(String text, String what) {
        String s = text == null ? "" : text.strip();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + s + "'");
        }
    }
}
