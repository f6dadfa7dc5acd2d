package dev.osprey.app.quality;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

import java.util.List;

/** The small pictures of the report: a histogram in a table cell, and horizontal bar charts. */
final class MiniCharts {
    static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");

    /** One bar: label, value, and whether it is drawn as a warning. */
    record Bar(String label, double value, boolean flagged) {
    }

    private MiniCharts() {
    }

    /** {@code counts} as bars in a {@code width} x {@code height} box. */
    static Node histogram(long[] counts, double width, double height) {
        Pane pane = new Pane();
        pane.getStyleClass().add("mini-histogram");
        pane.setPrefSize(width, height);
        pane.setMinSize(width, height);
        pane.setMaxSize(width, height);
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double w = counts.length == 0 ? 0 : width / counts.length;
        for (int i = 0; i < counts.length; i++) {
            double h = counts[i] == 0 ? 0 : Math.max(1, (double) counts[i] / max * height);
            Rectangle r = new Rectangle(i * w, height - h, Math.max(0.5, w - 1), h);
            r.getStyleClass().add("mini-bar");
            pane.getChildren().add(r);
        }
        return pane;
    }

    /**
     * A horizontal bar chart, largest first from the top; {@code upper} fixes the value axis
     * (NaN: automatic). Flagged bars get the pseudo-class {@code :flagged}.
     */
    static BarChart<Number, String> bars(String id, List<Bar> bars, double upper, String valueLabel) {
        NumberAxis x = Double.isNaN(upper) ? new NumberAxis() : new NumberAxis(0, upper, upper / 5);
        x.setLabel(valueLabel);
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCategoryGap(4);
        chart.setPadding(new Insets(0, 8, 0, 0));
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // A category axis draws its first category at the bottom: add in reverse for largest on top.
        for (int i = bars.size() - 1; i >= 0; i--) {
            Bar b = bars.get(i);
            XYChart.Data<Number, String> d = new XYChart.Data<>(Math.max(0, b.value()), b.label());
            if (b.flagged()) {
                // The chart resets a bar's style classes when it adds it; a pseudo-class survives that.
                StackPane bar = new StackPane();
                bar.pseudoClassStateChanged(FLAGGED, true);
                d.setNode(bar);
            }
            series.getData().add(d);
        }
        chart.getData().add(series);
        // Room for every label: a category axis hides labels that would overlap.
        double height = Math.max(130, 60 + bars.size() * 30);
        chart.setPrefHeight(height);
        chart.setMinHeight(height);
        return chart;
    }
}
