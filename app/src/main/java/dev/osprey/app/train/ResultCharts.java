package dev.osprey.app.train;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The result's charts, built from plain values. */
final class ResultCharts {
    /** Bars beyond this many columns are summed up in the caption instead. */
    static final int MAX_BARS = 15;

    private ResultCharts() {
    }

    /**
     * Points without a line, plus a reference line (y = x, or y = 0 for residuals). A LineChart
     * (not a ScatterChart) so the reference can be a line; the stylesheet hides the points' line.
     */
    static LineChart<Number, Number> scatter(String id, List<Diagnostics.XY> points, String xLabel, String yLabel,
                                             boolean diagonal) {
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setLabel(xLabel);
        y.setLabel(yLabel);
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().addAll("result-chart", "scatter-chart-with-reference");
        XYChart.Series<Number, Number> dots = new XYChart.Series<>();
        dots.setName("rows");
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Diagnostics.XY p : points) {
            data.add(new XYChart.Data<>(p.x(), p.y()));
            lo = Math.min(lo, diagonal ? Math.min(p.x(), p.y()) : p.x());
            hi = Math.max(hi, diagonal ? Math.max(p.x(), p.y()) : p.x());
        }
        dots.getData().setAll(data);
        XYChart.Series<Number, Number> reference = new XYChart.Series<>();
        reference.setName(diagonal ? "predicted = actual" : "zero error");
        if (!points.isEmpty()) {
            reference.getData().add(new XYChart.Data<>(lo, diagonal ? lo : 0));
            reference.getData().add(new XYChart.Data<>(hi, diagonal ? hi : 0));
        }
        chart.getData().add(dots);
        chart.getData().add(reference);
        if (!points.isEmpty()) {
            if (diagonal) { // one scale on both axes, so "predicted = actual" runs corner to corner
                niceRange(x, lo, hi);
                niceRange(y, lo, hi);
            } else {
                niceRange(x, lo, hi);
                niceRange(y, points.stream().mapToDouble(Diagnostics.XY::y).min().orElse(0),
                        points.stream().mapToDouble(Diagnostics.XY::y).max().orElse(1));
            }
        }
        chart.setPrefHeight(300);
        return chart;
    }

    /**
     * About five ticks at round numbers. The auto-ranging axis picks units so small on a narrow
     * chart that four-digit labels run into each other.
     */
    static void niceRange(NumberAxis axis, double lo, double hi) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double rough = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double unit = magnitude;
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= rough) {
                unit = step * magnitude;
                break;
            }
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(Math.floor(lo / unit) * unit);
        axis.setUpperBound(Math.ceil(hi / unit) * unit);
        axis.setTickUnit(unit);
    }

    static LineChart<Number, Number> roc(List<Diagnostics.XY> curve) {
        NumberAxis x = new NumberAxis(0, 1, 0.2);
        NumberAxis y = new NumberAxis(0, 1, 0.2);
        x.setLabel("false positive rate");
        y.setLabel("true positive rate");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("rocChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().addAll("result-chart", "roc-chart");
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName("ROC");
        curve.forEach(p -> s.getData().add(new XYChart.Data<>(p.x(), p.y())));
        XYChart.Series<Number, Number> chance = new XYChart.Series<>();
        chance.setName("chance");
        chance.getData().add(new XYChart.Data<>(0, 0));
        chance.getData().add(new XYChart.Data<>(1, 1));
        chart.getData().add(s);
        chart.getData().add(chance);
        chart.setPrefHeight(300);
        return chart;
    }

    /** One vertical bar per cluster (its rows), and one for noise when there is any. */
    static BarChart<String, Number> clusterSizes(dev.osprey.core.train.ClusterReport report) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel("cluster");
        NumberAxis y = new NumberAxis();
        y.setLabel("rows");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("clusterChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().addAll("result-chart", "cluster-chart");
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        for (int k = 0; k < report.clusters(); k++) {
            s.getData().add(new XYChart.Data<>(Integer.toString(k), report.sizes().get(k)));
        }
        if (report.noise() > 0) {
            s.getData().add(new XYChart.Data<>("noise", report.noise()));
        }
        chart.getData().add(s);
        chart.setPrefHeight(300);
        chart.setCategoryGap(Math.max(4, 40 - 2 * report.clusters()));
        return chart;
    }

    /** Horizontal bars, largest on top, as percentages of the total importance. */
    static BarChart<Number, String> importance(Map<String, Double> byColumn) {
        NumberAxis x = new NumberAxis();
        x.setLabel("share of importance (%)");
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId("importanceChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().addAll("result-chart", "importance-chart");
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        List<Map.Entry<String, Double>> top = byColumn.entrySet().stream().limit(MAX_BARS).toList();
        List<XYChart.Data<Number, String>> bars = new ArrayList<>();
        for (int i = top.size() - 1; i >= 0; i--) { // the category axis draws its first item at the bottom
            bars.add(new XYChart.Data<>(top.get(i).getValue() * 100, top.get(i).getKey()));
        }
        s.getData().setAll(bars);
        chart.getData().add(s);
        chart.setPrefHeight(Math.max(160, 60 + 30 * top.size()));
        chart.setBarGap(2);
        chart.setCategoryGap(8);
        return chart;
    }
}
