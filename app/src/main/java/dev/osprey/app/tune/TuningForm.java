package dev.osprey.app.tune;

import dev.osprey.app.jobpage.Combos;
import dev.osprey.app.jobpage.FormParts;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.tune.Direction;
import dev.osprey.core.tune.Pruning;
import dev.osprey.core.tune.Strategy;
import dev.osprey.core.tune.TuningJob;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

import static dev.osprey.app.jobpage.FormParts.fieldLabel;
import static dev.osprey.app.jobpage.FormParts.section;

/**
 * The left side of the Tuning tab: what to tune and how. Every field writes straight into
 * {@link TuningSetup}; the search space is one row per parameter, its error shown under it.
 */
final class TuningForm extends ScrollPane {
    static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final TuningViewModel model;
    private final TuningSetup setup;
    private final VBox spaceRows = new VBox(6);

    TuningForm(TuningViewModel model) {
        this.model = Objects.requireNonNull(model);
        this.setup = model.setup();
        FormParts.column(this, new VBox(section("Data"), dataFields(), section("Search space"), spaceFields(),
                section("Search"), searchFields(), section("Budget"), budgetFields(), section("Run"), runFields()), 400, 480);
    }

    private static GridPane grid() {
        return FormParts.grid(100);
    }

    private static <T> ComboBox<T> combo(String id) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private Node dataFields() {
        ComboBox<Dataset> dataset = combo("tuneDatasetChoice");
        dataset.setItems(setup.datasets());
        Combos.label(dataset, Dataset::name);
        Combos.sync(dataset, setup.datasetProperty());
        ComboBox<String> target = combo("tuneTargetChoice");
        target.setItems(setup.targets());
        Combos.sync(target, setup.targetProperty());
        Label type = new Label();
        type.setId("tuneProblemType");
        type.getStyleClass().add("hint");
        type.textProperty().bind(Bindings.createStringBinding(() -> typeText(setup.problemTypeProperty().get()),
                setup.problemTypeProperty()));
        ComboBox<Algorithm> algorithm = combo("tuneAlgorithmChoice");
        algorithm.setItems(setup.algorithms());
        Combos.label(algorithm, Algorithm::displayName);
        Combos.sync(algorithm, setup.algorithmProperty());
        GridPane g = grid();
        g.addRow(0, fieldLabel("Dataset", dataset), dataset);
        g.addRow(1, fieldLabel("Target", target), target);
        g.addRow(2, fieldLabel("Problem", type), type);
        g.addRow(3, fieldLabel("Algorithm", algorithm), algorithm);
        return g;
    }

    private static String typeText(ProblemType t) {
        if (t == null) {
            return "";
        }
        return switch (t) {
            case REGRESSION -> "Regression (inferred)";
            case BINARY -> "Binary classification (inferred)";
            case MULTICLASS -> "Multi-class classification (inferred)";
            case CLUSTERING -> "Clustering";
        };
    }

    private Node spaceFields() {
        spaceRows.setId("spaceRows");
        setup.rows().addListener((ListChangeListener<SpaceRow>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structural) {
                rebuildRows();
            }
        });
        rebuildRows();
        Button add = new Button("Add parameter", new FontIcon(MaterialDesignP.PLUS));
        add.setId("addParam");
        add.getStyleClass().add("flat");
        add.setOnAction(e -> setup.addRow());
        Button reset = new Button("Defaults");
        reset.setId("resetSpace");
        reset.getStyleClass().add("flat");
        reset.setTooltip(new Tooltip("Put back the algorithm's suggested ranges"));
        reset.setOnAction(e -> setup.resetSpace());
        HBox buttons = new HBox(6, add, reset);
        Label header = new Label("name \u00b7 kind \u00b7 low \u2013 high (or choices)");
        header.getStyleClass().add("hint");
        return new VBox(6, header, spaceRows, buttons);
    }

    private void rebuildRows() {
        spaceRows.getChildren().clear();
        int i = 0;
        for (SpaceRow row : setup.rows()) {
            spaceRows.getChildren().add(rowNode(row, i++));
        }
    }

    private Node rowNode(SpaceRow row, int index) {
        TextField name = new TextField();
        name.setId("paramName-" + index);
        name.setPrefColumnCount(10);
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.textProperty().bindBidirectional(row.nameProperty());
        ComboBox<ParamKind> kind = new ComboBox<>();
        kind.setId("paramKind-" + index);
        kind.getItems().setAll(ParamKind.values());
        Combos.label(kind, ParamKind::label);
        kind.valueProperty().bindBidirectional(row.kindProperty());
        kind.setMinWidth(112);
        kind.setPrefWidth(112);
        TextField low = bound("paramLow-" + index, row.lowProperty(), 4);
        TextField high = bound("paramHigh-" + index, row.highProperty(), 4);
        TextField choices = bound("paramChoices-" + index, row.choicesProperty(), 10);
        choices.setPromptText("a, b, c");
        HBox.setHgrow(choices, Priority.ALWAYS);
        Runnable showKind = () -> {
            boolean range = row.kindProperty().get() == null || row.kindProperty().get().isRange();
            for (Node n : new Node[]{low, high}) {
                n.setVisible(range);
                n.setManaged(range);
            }
            choices.setVisible(!range);
            choices.setManaged(!range);
        };
        row.kindProperty().addListener((o, a, b) -> showKind.run());
        showKind.run();
        Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        remove.setId("paramRemove-" + index);
        remove.getStyleClass().addAll("flat", "button-icon");
        remove.setTooltip(new Tooltip("Leave this parameter out of the search"));
        remove.setOnAction(e -> setup.rows().remove(row));
        HBox line = new HBox(4, name, kind, low, high, choices, remove);
        line.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("paramError-" + index);
        error.getStyleClass().add("setup-problem");
        error.setWrapText(true);
        error.textProperty().bind(row.errorProperty());
        error.visibleProperty().bind(row.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Runnable mark = () -> {
            boolean bad = row.errorProperty().get() != null;
            for (Node n : new Node[]{name, low, high, choices}) {
                n.pseudoClassStateChanged(DANGER, bad);
            }
        };
        row.errorProperty().addListener((o, a, b) -> mark.run());
        mark.run();
        return new VBox(2, line, error);
    }

    private static TextField bound(String id, javafx.beans.property.StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.getStyleClass().add("option-field");
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Node searchFields() {
        ComboBox<Strategy> strategy = combo("strategyChoice");
        strategy.getItems().setAll(Strategy.values());
        Combos.label(strategy, s -> switch (s) {
            case GRID -> "Grid";
            case RANDOM -> "Random";
            case BAYES -> "Bayesian (TPE)";
            case HYPERBAND -> "Hyperband (ASHA)";
        });
        Combos.sync(strategy, setup.strategyProperty());
        ComboBox<Pruning> pruning = combo("pruningChoice");
        pruning.getItems().setAll(Pruning.values());
        Combos.label(pruning, p -> p == Pruning.NONE ? "None" : "Median rule");
        Combos.sync(pruning, setup.pruningProperty());
        pruning.disableProperty().bind(setup.strategyProperty().isEqualTo(Strategy.HYPERBAND));
        ComboBox<String> metric = combo("metricChoice");
        metric.setItems(setup.metrics());
        Combos.sync(metric, setup.metricProperty());
        ComboBox<Direction> direction = combo("directionChoice");
        direction.getItems().setAll(Direction.values());
        Combos.label(direction, d -> d == Direction.MINIMIZE ? "minimise" : "maximise");
        Combos.sync(direction, setup.directionProperty());
        direction.setMaxWidth(120);
        HBox objective = new HBox(6, metric, direction);
        HBox.setHgrow(metric, Priority.ALWAYS);
        GridPane g = grid();
        g.addRow(0, fieldLabel("Strategy", strategy), strategy);
        g.addRow(1, fieldLabel("Pruning", pruning), pruning);
        g.addRow(2, fieldLabel("Objective", metric), objective);
        return g;
    }

    private Node budgetFields() {
        TextField trials = bound("maxTrials", setup.maxTrialsProperty(), 5);
        TextField minutes = bound("maxMinutes", setup.maxMinutesProperty(), 5);
        minutes.setPromptText("no limit");
        ComboBox<Integer> parallel = combo("parallelChoice");
        parallel.getItems().setAll(1, 2);
        Combos.label(parallel, n -> n == 1 ? "1 trial at a time" : n + " trials at once");
        Combos.sync(parallel, setup.parallelismProperty());
        ComboBox<Integer> threads = combo("threadsChoice");
        int cores = Runtime.getRuntime().availableProcessors();
        for (int n = 0; n <= Math.min(cores, 16); n++) {
            threads.getItems().add(n);
        }
        Combos.label(threads, n -> n == 0 ? "cores shared (default)" : n == 1 ? "1 thread per trial" : n + " threads per trial");
        Combos.sync(threads, setup.threadsPerTrialProperty());
        threads.setTooltip(new Tooltip("The threads each trial's training may use. By default the cores are shared among the"
                + " trials at once: all of them for one trial, one each for two trials on two cores."));
        TextField seed = bound("tuneSeed", setup.seedProperty(), 5);
        ComboBox<TuningJob> warm = combo("warmStartChoice");
        warm.setItems(setup.earlierJobs());
        warm.setPromptText("cold start");
        Combos.label(warm, j -> "job " + j.id() + " \u00b7 " + j.name() + " \u00b7 " + WHEN.format(j.startedAt()));
        Combos.sync(warm, setup.warmStartProperty());
        Button clearWarm = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        clearWarm.getStyleClass().addAll("flat", "button-icon");
        clearWarm.setTooltip(new Tooltip("Cold start"));
        clearWarm.setOnAction(e -> {
            setup.warmStartProperty().set(null);
            warm.setValue(null);
        });
        HBox warmRow = new HBox(4, warm, clearWarm);
        HBox.setHgrow(warm, Priority.ALWAYS);
        GridPane g = grid();
        g.addRow(0, fieldLabel("Max trials", trials), trials);
        g.addRow(1, fieldLabel("Max minutes", minutes), minutes);
        g.addRow(2, fieldLabel("Parallel", parallel), parallel);
        g.addRow(3, fieldLabel("Threads", threads), threads);
        g.addRow(4, fieldLabel("Seed", seed), seed);
        g.addRow(5, fieldLabel("Warm start", warm), warmRow);
        return g;
    }

    private Node runFields() {
        Label problem = FormParts.problem("tuneProblem", setup.problemProperty(), setup.problemProperty().isNotNull());
        Button start = FormParts.start("startTuning", "Start tuning", "Ctrl+Enter", model.canStartProperty(), model::start);
        return new VBox(8, problem, start);
    }
}
