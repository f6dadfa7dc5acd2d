package dev.osprey.app.train;

import dev.osprey.app.jobpage.Cards;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric per boosting round, live: training and validation rows of a holdout, or each fold's
 * validation rows and the final fit of a k-fold. Points arrive from the view model in batches
 * (one list change per flush), each batch added to its series at once.
 */
final class LiveChart extends VBox {
    private final TrainingViewModel model;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();

    LiveChart(TrainingViewModel model) {
        this.model = model;
        chart.setId("liveChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.getStyleClass().add("live-chart");
        chart.setMinHeight(220);
        chart.setPrefHeight(280);
        x.setLabel("iteration");
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(false);
        y.labelProperty().bind(model.curveMetricProperty());

        Label empty = new Label();
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case RUNNING -> "Waiting for the first round\u2026 (only boosted trees report a metric per round)";
            case IDLE -> "Boosted trees draw their training and validation metric here, round by round.";
            default -> "This algorithm reports no metric per round; its scores are below.";
        }, model.stateProperty()));
        empty.visibleProperty().bind(Bindings.isEmpty(model.curve()));
        chart.visibleProperty().bind(empty.visibleProperty().not());
        chart.managedProperty().bind(chart.visibleProperty());
        StackPane body = new StackPane(chart, empty);
        body.setMinHeight(120);

        Label title = new Label();
        title.textProperty().bind(Bindings.when(model.curveMetricProperty().isEmpty()).then("Training curve")
                .otherwise(Bindings.concat("Training curve \u00b7 ", model.curveMetricProperty())));
        // XGBoost measures each per-round metric on a seeded sample of a large set (its final
        // scores do not): said where the curve is, so its last point and the scores may differ
        Label caption = new Label("Boosted trees measure each curve on up to 20,000 rows of its set (a seeded"
                + " sample of a larger one); the scores below use every held-out row.");
        caption.setId("liveCaption");
        caption.visibleProperty().bind(chart.visibleProperty());
        caption.managedProperty().bind(caption.visibleProperty());
        getChildren().add(Cards.card("liveCard", title, caption, body));
        // A finished algorithm without rounds has nothing to draw: give its room to the result.
        visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.curve().isEmpty()
                || model.stateProperty().get() == RunState.IDLE || model.stateProperty().get().isRunning(),
                model.curve(), model.stateProperty()));
        managedProperty().bind(visibleProperty());

        model.curve().addListener((ListChangeListener<CurvePoint>) this::onChange);
    }

    private void onChange(ListChangeListener.Change<? extends CurvePoint> c) {
        while (c.next()) {
            if (c.wasRemoved() && model.curve().isEmpty()) {
                series.clear();
                chart.getData().clear();
            }
            if (c.wasAdded()) {
                add(c.getAddedSubList());
            }
        }
    }

    private void add(List<? extends CurvePoint> points) {
        Map<XYChart.Series<Number, Number>, List<XYChart.Data<Number, Number>>> batch = new LinkedHashMap<>();
        boolean holdout = model.runFoldsProperty().get() <= 1;
        for (CurvePoint p : points) {
            boolean showTrain = p.fold() == 0 || holdout;
            if (showTrain && Double.isFinite(p.train())) {
                String name = p.fold() == 0 && !holdout ? "final fit (train)" : p.fold() == 0 ? "train (all rows)" : "train";
                batch.computeIfAbsent(series(name), s -> new ArrayList<>()).add(new XYChart.Data<>(p.iteration(), p.train()));
            }
            if (Double.isFinite(p.valid())) {
                String name = holdout ? "validation" : "fold " + p.fold() + " validation";
                batch.computeIfAbsent(series(name), s -> new ArrayList<>()).add(new XYChart.Data<>(p.iteration(), p.valid()));
            }
        }
        batch.forEach((s, data) -> s.getData().addAll(data));
    }

    private XYChart.Series<Number, Number> series(String name) {
        return series.computeIfAbsent(name, n -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(n);
            chart.getData().add(s);
            return s;
        });
    }

    LineChart<Number, Number> chart() {
        return chart;
    }
}
