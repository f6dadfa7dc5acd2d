package dev.osprey.app.train;

import dev.osprey.app.jobpage.Cards;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.ProblemType;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.ArrayList;
import java.util.List;

/**
 * What a finished training shows: "Register model…", the validation metrics, the confusion
 * matrix or the predicted-vs-actual and residual plots, the ROC curve of a binary classifier and
 * the feature importance. Rebuilt for each result.
 */
final class ResultPanel extends VBox {
    private final TrainingViewModel model;
    private final GridPane cards = new GridPane();
    private final HBox nameRow = new HBox(8);

    ResultPanel(TrainingViewModel model) {
        this.model = model;
        setId("resultPanel");
        getStyleClass().add("result-panel");
        setSpacing(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        ColumnConstraints other = new ColumnConstraints();
        other.setPercentWidth(50);
        cards.getColumnConstraints().addAll(half, other);
        cards.setHgap(12);
        cards.setVgap(12);
        getChildren().addAll(registerBar(), cards);
        model.outcomeProperty().addListener((o, a, b) -> show(b));
        visibleProperty().bind(model.outcomeProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }

    private Node registerBar() {
        Label title = new Label("Result");
        title.getStyleClass().add("result-title");
        Label summary = new Label();
        summary.setId("resultSummary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            TrainingOutcome o = model.outcomeProperty().get();
            return o == null ? "" : o.algorithmName() + " \u00b7 " + o.validation() + " \u00b7 run " + o.result().runId().value();
        }, model.outcomeProperty()));

        Button register = new Button("Register model\u2026", new FontIcon(MaterialDesignP.PACKAGE_VARIANT_CLOSED));
        register.setId("registerButton");
        register.getStyleClass().add("accent");
        register.setTooltip(new Tooltip("Add this run's model to the registry as a new version of a named model"));
        register.visibleProperty().bind(nameRow.visibleProperty().not());
        register.managedProperty().bind(register.visibleProperty());

        TextField name = new TextField();
        name.setId("modelName");
        name.setPromptText("model name, e.g. exam-score");
        name.setPrefColumnCount(16);
        name.textProperty().bindBidirectional(model.modelNameProperty());
        Button confirm = new Button("Register");
        confirm.setId("registerConfirm");
        confirm.getStyleClass().add("accent");
        confirm.disableProperty().bind(model.canRegisterProperty().not());
        confirm.setOnAction(e -> model.register().thenAccept(v -> {
            if (v != null) {
                nameRow.setVisible(false);
            }
        }));
        name.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                confirm.fire();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                nameRow.setVisible(false);
                e.consume();
            }
        });
        Hyperlink cancel = new Hyperlink("Cancel");
        cancel.setOnAction(e -> nameRow.setVisible(false));
        Label nameLabel = new Label("Model name");
        nameLabel.setLabelFor(name);
        nameRow.getChildren().setAll(nameLabel, name, confirm, cancel);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        nameRow.setVisible(false);
        nameRow.managedProperty().bind(nameRow.visibleProperty());
        register.setOnAction(e -> {
            nameRow.setVisible(true);
            name.requestFocus();
            name.selectAll();
        });

        Label registered = new Label();
        registered.setId("registeredVersion");
        registered.getStyleClass().add("registered");
        registered.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        registered.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelVersion v = model.registeredProperty().get();
            return v == null ? "" : "Registered: " + v.name() + " version " + v.version();
        }, model.registeredProperty()));
        registered.visibleProperty().bind(model.registeredProperty().isNotNull());
        registered.managedProperty().bind(registered.visibleProperty());

        Button export = new Button("Copy as notebook cell", new FontIcon(MaterialDesignN.NOTEBOOK_EDIT_OUTLINE));
        export.setId("exportNotebook");
        export.setTooltip(new Tooltip("Copy Java code that trains this model again in a notebook cell"));
        export.setOnAction(e -> {
            TrainingOutcome o = model.outcomeProperty().get();
            if (o != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(o.notebookCell());
                Clipboard.getSystemClipboard().setContent(content);
                model.notify("Copied a notebook cell that trains " + o.algorithmName() + " on " + o.datasetName() + ".");
            }
        });

        register.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(10, register, nameRow, export, registered);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, new VBox(2, title, summary), actions);
        bar.getStyleClass().add("register-bar");
        return bar;
    }

    private void show(TrainingOutcome o) {
        cards.getChildren().clear();
        nameRow.setVisible(false);
        if (o == null) {
            return;
        }
        List<Node> all = new ArrayList<>();
        all.add(metricsCard(o));
        Diagnostics d = o.diagnostics();
        if (o.problemType() == ProblemType.CLUSTERING) {
            o.clusters().ifPresent(c -> all.add(Cards.card("clusterCard", "Cluster sizes", clusterCaption(c),
                    ResultCharts.clusterSizes(c))));
        } else if (o.problemType() == ProblemType.REGRESSION) {
            if (!d.predictedVsActual().isEmpty()) {
                String scope = d.scope();
                all.add(Cards.card("predictedCard", "Predicted vs actual", scope,
                        ResultCharts.scatter("predictedChart", d.predictedVsActual(), "actual", "predicted", true)));
                all.add(Cards.card("residualCard", "Residuals", "Actual minus predicted, against the prediction. " + scope,
                        ResultCharts.scatter("residualChart", d.residuals(), "predicted", "residual", false)));
            }
        } else {
            o.report().ifPresent(r -> all.add(Cards.card("confusionCard", "Confusion matrix",
                    "Validation rows: " + String.format("%,d", o.result().validRows()) + "; each row is an actual class",
                    new ConfusionMatrixView(r))));
            if (!d.roc().isEmpty()) {
                all.add(Cards.card("rocCard", "ROC curve (positive class: " + d.positiveLabel() + ")",
                        String.format(java.util.Locale.ROOT, "Area %.3f. %s", d.auc(), d.scope()),
                        ResultCharts.roc(d.roc())));
            }
        }
        if (!o.importance().isEmpty()) {
            all.add(Cards.card("importanceCard", "Feature importance", importanceCaption(o),
                    ResultCharts.importance(o.importance())));
        }
        for (int i = 0; i < all.size(); i++) {
            Node card = all.get(i);
            boolean lastAlone = i == all.size() - 1 && i % 2 == 0;
            cards.add(card, i % 2, i / 2, lastAlone ? 2 : 1, 1);
        }
    }

    private static String clusterCaption(dev.osprey.core.train.ClusterReport c) {
        return String.format("%,d clusters", c.clusters())
                + (c.noise() > 0 ? String.format("; %,d rows are noise (in no cluster, id -1)", c.noise()) : "");
    }

    private static String importanceCaption(TrainingOutcome o) {
        String how = switch (o.importanceMethod()) {
            case "gain" -> "XGBoost's gain";
            case "split" -> "the trees' split improvement";
            case "permutation" -> "how much the validation loss rises when a column is shuffled";
            case "cluster separation" -> "the share of each column's variance that lies between the clusters";
            default -> o.importanceMethod();
        };
        int more = o.importance().size() - ResultCharts.MAX_BARS;
        return "Share of the total, by " + how + (more > 0 ? "; " + more + " smaller columns not shown" : "");
    }

    private Node metricsCard(TrainingOutcome o) {
        TableView<MetricRow> table = new TableView<>();
        table.setId("metricsTable");
        table.getStyleClass().addAll("metrics-table", "dense");
        TableColumn<MetricRow, String> name = new TableColumn<>("Metric");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<MetricRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));
        value.getStyleClass().add("number-column");
        name.setSortable(false);
        value.setSortable(false);
        table.getColumns().setAll(List.of(name, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<MetricRow> rows = new ArrayList<>(o.metrics());
        boolean clustering = o.problemType() == ProblemType.CLUSTERING;
        rows.add(new MetricRow("train_rows", "Training rows", o.result().trainRows(), String.format("%,d", o.result().trainRows())));
        if (!clustering) {
            rows.add(new MetricRow("valid_rows", "Validation rows", o.result().validRows(), String.format("%,d", o.result().validRows())));
        }
        table.getItems().setAll(rows);
        table.setFixedCellSize(28);
        table.setPrefHeight(Math.min(16, rows.size()) * 28 + 40);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setMaxHeight(Region.USE_PREF_SIZE);
        VBox card = Cards.card("metricsCard", "Metrics", clustering
                ? "Measured on the rows clustered (silhouette on a seeded sample of at most 5,000)"
                : "Scored on the validation rows (" + o.validation() + ")", table);
        VBox.setVgrow(table, Priority.NEVER);
        return card;
    }
}
