package dev.osprey.app.tune;

import dev.osprey.app.jobpage.Cards;
import dev.osprey.app.jobpage.RunHeader;
import dev.osprey.core.tune.TuningJob;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The Tuning tab: the form on the left ({@link TuningForm}); on the right the shown job (title,
 * state, progress, Stop), its trials table, best-so-far chart, parallel coordinates, per-trial
 * curves and parameter importance, "Register best…", and the earlier jobs to re-open. Layout and
 * wiring only; the state is {@link TuningViewModel}'s.
 */
public final class TuningView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final TuningViewModel model;
    private final TrialsTable table;
    private final BestSoFarChart bestChart;
    private final ParallelCoordinates parallel;

    public TuningView(TuningViewModel model) {
        this.model = Objects.requireNonNull(model);
        setId("tuningView");
        table = new TrialsTable(model);
        bestChart = new BestSoFarChart(model);
        parallel = new ParallelCoordinates(model);
        setLeft(new TuningForm(model));
        VBox main = new VBox(14, header(), RunHeader.failureBanner("tuneFailure", model.failureProperty(), true),
                card("trialsCard", "Trials", "Select trials to draw their curves below; click a header to sort.", table),
                twoUp(card("bestCard", "Best so far", "The best objective after each trial; dots are each trial's own value.", bestChart),
                        card("parallelCard", "Parameters vs metric", "One line per complete trial; orange is better, the thick line is the best.", parallel)),
                twoUp(card("curvesCard", "Per-trial curves", "Validation metric per boosting round or epoch (trials of algorithms with rounds).",
                                curves()),
                        card("importanceCard", "Parameter importance", "Share of the metric's spread each parameter explains (one at a time).",
                                new ImportanceBars(model))),
                registerCard(), jobsCard());
        main.getStyleClass().add("run-area");
        ScrollPane scroll = new ScrollPane(main);
        scroll.setId("tuneScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("run-scroll");
        setCenter(scroll);
    }

    public TuningViewModel model() {
        return model;
    }

    /** A card that may shrink below its content's width (two share a row). */
    private static VBox card(String id, String title, String caption, Node content) {
        VBox box = Cards.card(id, title, caption, content);
        box.setMinWidth(0);
        return box;
    }

    private static Node twoUp(Node a, Node b) {
        GridPane g = new GridPane();
        g.setHgap(14);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setFillWidth(true);
        ColumnConstraints other = new ColumnConstraints();
        other.setPercentWidth(50);
        other.setFillWidth(true);
        g.getColumnConstraints().addAll(half, other);
        g.addRow(0, a, b);
        return g;
    }

    /** The curves chart, or a line saying why there is none (algorithms without rounds report no steps). */
    private Node curves() {
        CurvesChart chart = new CurvesChart(model);
        Label empty = new Label("Boosted trees (xgboost) and MLPs report a validation metric per round or epoch: "
                + "select their trials above to draw it here. Other algorithms have no per-step curve.");
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(model.curves()));
        chart.visibleProperty().bind(empty.visibleProperty().not());
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(chart, empty);
        box.setMinHeight(200);
        return box;
    }

    private Node header() {
        Label title = RunHeader.title("tuneTitle", model.titleProperty(), "No tuning job yet");
        Label state = RunHeader.styledByState(RunHeader.stateChip("tuneState", model.stateProperty(), TuneState::chipText),
                model.stateProperty(), s -> switch (s) {
                    case RUNNING -> "state-running";
                    case FINISHED -> "state-succeeded";
                    case FAILED -> "state-failed";
                    default -> "state-cancelled";
                });
        ProgressRow progressRow = new ProgressRow("tuneProgress", "stopTuning", "Stop the search; finished trials are kept", model.progressProperty(),
                model.stateProperty(), model::stop);
        Label message = RunHeader.message("tuneMessage", model.stateProperty(), TuneState.IDLE,
                "Choose a dataset, its target and an algorithm, adjust the search space, then Start tuning (Ctrl+Enter). "
                        + "Every trial is a run of the experiment; the job center (Ctrl+J) lists the job too.",
                model.messageProperty());
        return RunHeader.card(RunHeader.titleRow(title, state, true), progressRow, message);
    }

    private Node registerCard() {
        Label best = new Label();
        best.setId("bestTrial");
        best.setWrapText(true);
        best.textProperty().bind(Bindings.createStringBinding(() -> {
            TrialRow b = model.bestProperty().get();
            if (b == null) {
                return "No complete trial yet.";
            }
            String metric = model.objectiveProperty().get() == null ? "value" : model.objectiveProperty().get().metric();
            return "Trial " + b.number() + ": " + metric + " " + MetricFormat.value(b.value().getAsDouble()) + " with "
                    + String.join(", ", b.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }, model.bestProperty(), model.objectiveProperty()));
        RegisterBestRow register = new RegisterBestRow(new RegisterBestRow.Ids("tuneModelName", "registerBest", "tuneRegistered"),
                "Register best\u2026", model.modelNameProperty(), model.canRegisterProperty(), model::registerBest,
                model.registeredProperty());
        return card("registerCard", "Best trial", "Register the best trial's model in the model registry (a new version when the name exists).",
                new VBox(8, best, register));
    }

    private Node jobsCard() {
        ListView<TuningJob> list = new ListView<>(model.jobs());
        list.setId("tuningJobs");
        list.setPrefHeight(150);
        list.setPlaceholder(new Label("No tuning jobs in this workspace yet."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TuningJob j, boolean empty) {
                super.updateItem(j, empty);
                setText(empty || j == null ? null : "job " + j.id() + " \u00b7 " + j.name() + " \u00b7 "
                        + j.strategy().name().toLowerCase(Locale.ROOT) + " \u00b7 " + j.status().name().toLowerCase(Locale.ROOT)
                        + " \u00b7 " + WHEN.format(j.startedAt()));
                setTooltip(empty || j == null || j.message().isBlank() ? null : new Tooltip(j.message()));
            }
        });
        Button open = new Button("Open");
        open.setId("openTuningJob");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> model.stateProperty().get().isRunning(), model.stateProperty())));
        open.setOnAction(e -> model.open(list.getSelectionModel().getSelectedItem()));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        return card("jobsCard", "Earlier tuning jobs", "Double-click (or Open) to show a job's trials again.", new VBox(6, list, open));
    }

    TrialsTable table() {
        return table;
    }

    BestSoFarChart bestChart() {
        return bestChart;
    }

    ParallelCoordinates parallel() {
        return parallel;
    }
}
