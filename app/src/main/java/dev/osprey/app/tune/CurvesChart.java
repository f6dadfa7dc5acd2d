package dev.osprey.app.tune;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/** The selected trials' metric per step (boosting round or epoch): one line per trial. */
final class CurvesChart extends LineChart<Number, Number> {
    private final TuningViewModel model;

    CurvesChart(TuningViewModel model) {
        super(new NumberAxis(), new NumberAxis());
        this.model = model;
        setId("curvesChart");
        setAnimated(false);
        setCreateSymbols(false);
        setMinHeight(200);
        setPrefHeight(240);
        getXAxis().setLabel("step");
        ((NumberAxis) getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        model.curves().addListener((ListChangeListener<Curve>) c -> redraw());
    }

    private void redraw() {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        String metric = "";
        for (Curve c : model.curves()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName("trial " + c.trial());
            List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
            for (Curve.Step p : c.steps()) {
                pts.add(new XYChart.Data<>(p.step(), p.value()));
            }
            s.getData().setAll(pts);
            all.add(s);
            metric = c.metric();
        }
        getYAxis().setLabel(metric);
        getData().setAll(all);
    }
}
