package dev.osprey.app.tune;

import dev.osprey.core.tune.Direction;
import dev.osprey.core.tune.Objective;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/**
 * The best objective so far over the trial number (a step line), with every complete trial's own
 * value as a point. Rebuilt from the trials list on each batch (a few dozen points).
 */
final class BestSoFarChart extends LineChart<Number, Number> {
    private final TuningViewModel model;
    private final XYChart.Series<Number, Number> bestLine = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> points = new XYChart.Series<>();

    BestSoFarChart(TuningViewModel model) {
        super(new NumberAxis(), new NumberAxis());
        this.model = model;
        setId("bestSoFarChart");
        setAnimated(false);
        setCreateSymbols(true);
        setLegendVisible(true);
        setMinHeight(220);
        setPrefHeight(260);
        getStyleClass().add("best-chart");
        NumberAxis x = (NumberAxis) getXAxis();
        x.setLabel("trial");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        // trials are whole numbers: no "2.5" ticks
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? Long.toString((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        bestLine.setName("best so far");
        points.setName("trial value");
        getData().add(bestLine);
        getData().add(points);
        model.trials().addListener((ListChangeListener<TrialRow>) c -> redraw());
        model.objectiveProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    private void redraw() {
        Objective o = model.objectiveProperty().get();
        Direction d = o == null ? Direction.MINIMIZE : o.direction();
        getYAxis().setLabel(o == null ? "" : o.metric());
        List<XYChart.Data<Number, Number>> line = new ArrayList<>();
        List<XYChart.Data<Number, Number>> dots = new ArrayList<>();
        double best = Double.NaN;
        for (TrialRow r : model.trials()) {
            if (!r.isComplete()) {
                continue;
            }
            double v = r.value().getAsDouble();
            dots.add(new XYChart.Data<>(r.number(), v));
            if (Double.isNaN(best) || d.better(v, best)) {
                best = v;
            }
            line.add(new XYChart.Data<>(r.number(), best));
        }
        bestLine.getData().setAll(line);
        points.getData().setAll(dots);
        for (XYChart.Data<Number, Number> p : bestLine.getData()) {
            if (p.getNode() != null) {
                p.getNode().setVisible(false);
            }
        }
    }

    /** For tests: how many complete trials the chart plots. */
    int plotted() {
        return points.getData().size();
    }
}
