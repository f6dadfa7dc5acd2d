package dev.osprey.app.data.grid;

import dev.osprey.core.data.ColumnSummary;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * One column's profile, shown over the grid when its header chart is clicked: counts and
 * statistics, the distribution as a bar chart (histogram bins or top values) and the top
 * values with their counts. Closed with its button or Escape.
 */
final class ColumnProfile extends VBox {
    private final Label title = new Label();
    private final GridPane stats = new GridPane();
    private final VBox top = new VBox(2);
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private String column;

    ColumnProfile(Runnable close) {
        setId("columnProfile");
        getStyleClass().add("column-profile");
        setSpacing(8);
        setMaxSize(420, 460);
        title.getStyleClass().add("column-profile-title");
        Button closeButton = new Button("\u00d7");
        closeButton.setId("closeProfile");
        closeButton.getStyleClass().add("flat");
        closeButton.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(title, gap, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);
        stats.setHgap(14);
        stats.setVgap(3);
        stats.setId("profileStats");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        chart.setBarGap(0);
        chart.setCategoryGap(1);
        chart.getXAxis().setTickLabelsVisible(false);
        chart.getStyleClass().add("profile-chart");
        top.setId("profileTop");
        getChildren().addAll(head, stats, chart, top);
    }

    String column() {
        return column;
    }

    void show(String name, ColumnSummary s) {
        column = name;
        title.setText(name);
        stats.getChildren().clear();
        top.getChildren().clear();
        chart.getData().clear();
        if (s == null) {
            stats.add(new Label("Summarising the column…"), 0, 0);
            return;
        }
        int r = 0;
        r = row(r, "Type", GridFormats.type(s.type()));
        r = row(r, "Rows", GridFormats.count(s.rows()));
        r = row(r, "Missing", GridFormats.count(s.missing()) + " (" + ColumnHeader.percent(s.missingShare()) + ")");
        r = row(r, "Distinct", "\u2248 " + GridFormats.count(s.distinct()));
        if (s.min() != null) {
            r = row(r, "Min / max", number(s.min()) + " / " + number(s.max()));
            r = row(r, "Mean \u00b1 std", number(s.mean()) + " \u00b1 " + number(s.std()));
            row(r, "Median", number(s.median()));
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        if (!s.histogram().isEmpty()) {
            double w = s.binWidth();
            for (int i = 0; i < s.histogram().size(); i++) {
                series.getData().add(new XYChart.Data<>(number(s.min() + i * w), s.histogram().get(i)));
            }
        } else {
            for (ColumnSummary.TopValue t : s.topValues()) {
                series.getData().add(new XYChart.Data<>(t.value(), t.count()));
            }
            chart.getXAxis().setTickLabelsVisible(true);
        }
        chart.getData().add(series);
        if (!s.topValues().isEmpty()) {
            Label head = new Label("Top values");
            head.getStyleClass().add("profile-section");
            top.getChildren().add(head);
            for (ColumnSummary.TopValue t : s.topValues()) {
                double share = (double) t.count() / Math.max(1, s.rows());
                top.getChildren().add(new Label(t.value() + "   " + GridFormats.count(t.count()) + "  ("
                                                + ColumnHeader.percent(share) + ")"));
            }
        }
    }

    private int row(int r, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("muted");
        stats.add(k, 0, r);
        stats.add(new Label(value), 1, r);
        return r + 1;
    }

    static String number(Double d) {
        if (d == null) {
            return "\u2013";
        }
        double a = Math.abs(d);
        return a != 0 && (a >= 1e7 || a < 1e-3) ? String.format(Locale.ROOT, "%.3g", d)
                : d == Math.rint(d) ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%,.3f", d);
    }
}
