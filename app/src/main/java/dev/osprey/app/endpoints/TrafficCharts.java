package dev.osprey.app.endpoints;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.ArrayList;
import java.util.List;

/** Requests per second and latency (p50, p99) of the chosen endpoint, one point a second. */
final class TrafficCharts extends HBox {
    private final XYChart.Series<Number, Number> rps = series("requests/s");
    private final XYChart.Series<Number, Number> p50 = series("p50 ms");
    private final XYChart.Series<Number, Number> p99 = series("p99 ms");
    private final ListChangeListener<TrafficPoint> onChange = c -> redraw();
    private EndpointRow row;

    TrafficCharts() {
        super(10);
        LineChart<Number, Number> load = chart("req/s", "trafficChart");
        load.getData().add(rps);
        LineChart<Number, Number> latency = chart("ms", "latencyChart");
        latency.getData().add(p50);
        latency.getData().add(p99);
        HBox.setHgrow(load, Priority.ALWAYS);
        HBox.setHgrow(latency, Priority.ALWAYS);
        getChildren().setAll(load, latency);
    }

    void show(EndpointRow r) {
        if (row != null) {
            row.traffic().removeListener(onChange);
        }
        row = r;
        if (r != null) {
            r.traffic().addListener(onChange);
        }
        redraw();
    }

    // At most 180 points: redrawing all of them once a second is cheaper than tracking changes.
    private void redraw() {
        List<XYChart.Data<Number, Number>> a = new ArrayList<>();
        List<XYChart.Data<Number, Number>> b = new ArrayList<>();
        List<XYChart.Data<Number, Number>> c = new ArrayList<>();
        if (row != null) {
            for (TrafficPoint p : row.traffic()) {
                a.add(new XYChart.Data<>(p.second(), p.requestsPerSecond()));
                b.add(new XYChart.Data<>(p.second(), p.p50Millis()));
                c.add(new XYChart.Data<>(p.second(), p.p99Millis()));
            }
        }
        rps.getData().setAll(a);
        p50.getData().setAll(b);
        p99.getData().setAll(c);
    }

    private static LineChart<Number, Number> chart(String yLabel, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel("seconds");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(200);
        chart.setMinHeight(160);
        chart.getStyleClass().add("traffic-chart");
        return chart;
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }
}
