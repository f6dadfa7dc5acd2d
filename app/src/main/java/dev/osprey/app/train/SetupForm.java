package dev.osprey.app.train;

import dev.osprey.app.jobpage.Combos;
import dev.osprey.app.jobpage.FormParts;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.ProblemType;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

import static dev.osprey.app.jobpage.FormParts.fieldLabel;
import static dev.osprey.app.jobpage.FormParts.section;

/**
 * The left side of the Training page: what to train. Every field writes straight into
 * {@link TrainingSetup}; the hyperparameter grid is rebuilt from the chosen algorithm's defaults.
 */
final class SetupForm extends ScrollPane {
    /** The problem-type choice; {@code type} null is "as inferred". */
    record TypeOption(ProblemType type, String text) {
        static TypeOption of(ProblemType type) {
            return new TypeOption(type, ProblemTypes.label(type));
        }
    }

    private final TrainingViewModel model;
    private final TrainingSetup setup;
    private final GridPane options = new GridPane();

    SetupForm(TrainingViewModel model) {
        this.model = Objects.requireNonNull(model);
        this.setup = model.setup();
        FormParts.column(this, new VBox(section("Data"), dataFields(), section("Algorithm"), algorithmFields(),
                section("Validation"), validationFields(), section("Run"), runFields()), 360, 430);
    }

    private static GridPane grid() {
        GridPane g = FormParts.grid(96);
        g.getStyleClass().add("form-grid");
        return g;
    }

    private Node dataFields() {
        ComboBox<Dataset> dataset = new ComboBox<>(setup.datasets());
        dataset.setId("datasetChoice");
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.setPromptText("Choose a dataset");
        Combos.listLabel(dataset, d -> d.name() + "  \u00b7  " + String.format("%,d rows", d.rowCount()));
        Combos.buttonLabel(dataset, Dataset::name);
        Combos.sync(dataset, setup.datasetProperty());

        // a recipe saved on this dataset: the model trains on its result and takes the dataset's raw columns
        ComboBox<String> recipe = new ComboBox<>(setup.recipes());
        recipe.setId("recipeChoice");
        recipe.setMaxWidth(Double.MAX_VALUE);
        Combos.sync(recipe, setup.recipeProperty());

        ComboBox<String> target = new ComboBox<>(setup.targets());
        target.setId("targetChoice");
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText("Column to predict");
        Combos.sync(target, setup.targetProperty());

        var typeItems = FXCollections.observableArrayList(autoType(), TypeOption.of(ProblemType.REGRESSION),
                TypeOption.of(ProblemType.BINARY), TypeOption.of(ProblemType.MULTICLASS));
        ComboBox<TypeOption> type = new ComboBox<>(typeItems);
        type.setId("problemTypeChoice");
        type.setMaxWidth(Double.MAX_VALUE);
        Combos.listLabel(type, TypeOption::text);
        type.setValue(typeItems.getFirst());
        type.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                setup.typeOverrideProperty().set(b.type());
            }
        });
        setup.typeOverrideProperty().addListener((o, a, b) -> {
            if (type.getValue() == null || type.getValue().type() != b) {
                type.setValue(typeItems.stream().filter(t -> t.type() == b).findFirst().orElse(null));
            }
        });
        setup.inferredTypeProperty().addListener((o, a, b) -> {
            // The first item names the inferred type: replace it so the list and the button show the new one.
            boolean auto = type.getValue() == null || type.getValue().type() == null;
            typeItems.set(0, autoType());
            if (auto) {
                type.setValue(typeItems.getFirst());
            }
        });

        // a clustering has no target to infer a type from, nor one to override
        type.disableProperty().bind(setup.problemTypeProperty().isEqualTo(ProblemType.CLUSTERING));
        GridPane g = grid();
        g.addRow(0, fieldLabel("Dataset", dataset), dataset);
        g.addRow(1, fieldLabel("Target", target), target);
        g.addRow(2, fieldLabel("Problem type", type), type);
        showRecipeRow(g, fieldLabel("Recipe", recipe), recipe);
        return g;
    }

    /**
     * The Recipe row sits under Dataset only while the dataset has saved recipes, so the form of a dataset
     * without any stays as short as before (the Start button in view).
     */
    private void showRecipeRow(GridPane g, Label label, ComboBox<String> recipe) {
        Runnable update = () -> {
            boolean wanted = setup.recipes().size() > 1;
            if (wanted == g.getChildren().contains(recipe)) {
                return;
            }
            for (Node n : java.util.List.copyOf(g.getChildren())) {
                if (n != label && n != recipe && GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) >= 1) {
                    GridPane.setRowIndex(n, GridPane.getRowIndex(n) + (wanted ? 1 : -1));
                }
            }
            if (wanted) {
                g.addRow(1, label, recipe);
            } else {
                g.getChildren().removeAll(label, recipe);
            }
        };
        setup.recipes().addListener((ListChangeListener<String>) c -> update.run());
        update.run();
    }

    private TypeOption autoType() {
        ProblemType inferred = setup.inferredTypeProperty().get();
        if (inferred == ProblemType.CLUSTERING) {
            return new TypeOption(null, ProblemTypes.label(inferred));
        }
        return new TypeOption(null, inferred == null ? "Inferred from the target" : ProblemTypes.label(inferred) + " (inferred)");
    }

    private Node algorithmFields() {
        ComboBox<Algorithm> algorithm = new ComboBox<>(setup.algorithms());
        algorithm.setId("algorithmChoice");
        algorithm.setMaxWidth(Double.MAX_VALUE);
        algorithm.setPromptText("Choose an algorithm");
        Combos.listLabel(algorithm, Algorithm::displayName);
        Combos.sync(algorithm, setup.algorithmProperty());

        GridPane g = grid();
        g.addRow(0, fieldLabel("Algorithm", algorithm), algorithm);

        options.getStyleClass().addAll("form-grid", "options-grid");
        options.setHgap(10);
        options.setVgap(6);
        options.getColumnConstraints().addAll(g.getColumnConstraints().stream().map(c -> {
            var copy = new javafx.scene.layout.ColumnConstraints();
            copy.setMinWidth(c.getMinWidth());
            copy.setHgrow(c.getHgrow());
            copy.setFillWidth(true);
            return copy;
        }).toList());
        setup.hyperparameters().fields().addListener((ListChangeListener<OptionField>) c -> rebuildOptions());
        options.visibleProperty().bind(Bindings.isNotEmpty(setup.hyperparameters().fields()));
        options.managedProperty().bind(options.visibleProperty());
        rebuildOptions();

        Label none = new Label("This algorithm has no hyperparameters.");
        none.getStyleClass().add("hint");
        none.visibleProperty().bind(Bindings.isEmpty(setup.hyperparameters().fields())
                .and(setup.algorithmProperty().isNotNull()));
        none.managedProperty().bind(none.visibleProperty());

        Hyperlink reset = new Hyperlink("Reset to defaults");
        reset.setId("resetOptions");
        reset.getStyleClass().add("reset-link");
        reset.setOnAction(e -> setup.hyperparameters().reset());
        reset.visibleProperty().bind(Bindings.isNotEmpty(setup.hyperparameters().fields()));
        reset.managedProperty().bind(reset.visibleProperty());

        Label head = new Label("Hyperparameters");
        head.getStyleClass().add("subsection");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox optionsHead = new HBox(head, gap, reset);
        optionsHead.setAlignment(Pos.CENTER_LEFT);
        optionsHead.visibleProperty().bind(setup.algorithmProperty().isNotNull());
        optionsHead.managedProperty().bind(optionsHead.visibleProperty());
        return new VBox(8, g, optionsHead, none, options);
    }

    private void rebuildOptions() {
        options.getChildren().clear();
        int row = 0;
        for (OptionField f : setup.hyperparameters().fields()) {
            TextField field = new TextField(f.text());
            field.setId("option-" + f.key());
            field.getStyleClass().add("option-field");
            field.setPromptText(f.defaultText());
            field.setTextFormatter(new TextFormatter<>(change -> f.kind().accepts(change.getControlNewText()) ? change : null));
            field.textProperty().bindBidirectional(f.textProperty());
            field.setTooltip(new Tooltip(f.key() + ": a " + f.kind().label() + ", default " + f.defaultText()));
            f.invalidProperty().addListener((o, a, bad) -> field.pseudoClassStateChanged(Styles.DANGER, bad));
            field.pseudoClassStateChanged(Styles.DANGER, f.invalidProperty().get());
            Label kind = new Label(f.kind() == OptionField.Kind.INTEGER ? "int" : f.kind() == OptionField.Kind.DECIMAL ? "num" : "");
            kind.getStyleClass().add("kind-tag");
            HBox box = new HBox(6, field, kind);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(field, Priority.ALWAYS);
            options.addRow(row++, fieldLabel(f.label(), field), box);
        }
    }

    private Node validationFields() {
        ComboBox<ValidationKind> kind = new ComboBox<>(setup.validationKinds());
        kind.setId("validationChoice");
        kind.setMaxWidth(Double.MAX_VALUE);
        Combos.listLabel(kind, ValidationKind::label);
        Combos.sync(kind, setup.validationKindProperty());

        TextField ratio = numberField("holdoutRatio", setup.holdoutRatioProperty(), OptionField.Kind.DECIMAL);
        ratio.setTooltip(new Tooltip("The share of rows kept aside to validate on, 0.05 to 0.5"));
        TextField folds = numberField("folds", setup.foldsProperty(), OptionField.Kind.INTEGER);
        folds.setTooltip(new Tooltip("The number of folds, 2 to 20"));
        TextField seed = numberField("seed", setup.seedProperty(), OptionField.Kind.INTEGER);
        seed.setTooltip(new Tooltip("The same seed splits the rows the same way again"));

        GridPane g = grid();
        g.addRow(0, fieldLabel("Scheme", kind), kind);
        Label ratioLabel = fieldLabel("Holdout ratio", ratio);
        Label foldsLabel = fieldLabel("Folds (k)", folds);
        g.addRow(1, ratioLabel, ratio);
        g.addRow(2, foldsLabel, folds);
        g.addRow(3, fieldLabel("Seed", seed), seed);
        var holdout = Bindings.equal(ValidationKind.HOLDOUT, setup.validationKindProperty());
        for (Node n : new Node[]{ratio, ratioLabel}) {
            n.visibleProperty().bind(holdout);
            n.managedProperty().bind(holdout);
        }
        for (Node n : new Node[]{folds, foldsLabel}) {
            n.visibleProperty().bind(holdout.not());
            n.managedProperty().bind(holdout.not());
        }
        var clustering = setup.problemTypeProperty().isEqualTo(ProblemType.CLUSTERING);
        g.disableProperty().bind(clustering);
        Label none = new Label("Clustering uses every row: there is no target to validate against.");
        none.setId("noValidationHint");
        none.getStyleClass().add("hint");
        none.setWrapText(true);
        none.visibleProperty().bind(clustering);
        none.managedProperty().bind(clustering);
        return new VBox(6, none, g);
    }

    private static TextField numberField(String id, javafx.beans.property.StringProperty value, OptionField.Kind kind) {
        TextField f = new TextField();
        f.setId(id);
        f.setTextFormatter(new TextFormatter<>(change -> kind.accepts(change.getControlNewText()) ? change : null));
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private Node runFields() {
        TextField experiment = new TextField();
        experiment.setId("experimentName");
        experiment.textProperty().bindBidirectional(setup.experimentProperty());
        experiment.promptTextProperty().bind(setup.defaultExperimentProperty());
        GridPane g = grid();
        g.addRow(0, fieldLabel("Experiment", experiment), experiment);

        Label problem = FormParts.problem("setupProblem", setup.problemProperty(), setup.problemProperty().isNotNull()
                .and(Bindings.isNotEmpty(setup.datasets()).or(setup.hyperparameters().problemProperty().isNotNull())));

        Button start = FormParts.start("startButton", "Start training", "Train in the background (Ctrl+Enter)",
                model.canStartProperty(), model::start);
        start.setDefaultButton(false);
        Label shortcut = new Label("Ctrl+Enter");
        shortcut.getStyleClass().add("hint");
        VBox box = new VBox(10, g, problem, start, shortcut);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }
}
