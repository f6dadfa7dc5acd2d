package dev.osprey.app.train;

import dev.osprey.core.train.ClassificationReport;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import java.util.List;

/**
 * The confusion matrix as a grid: one row per actual class, one column per predicted class, each
 * cell shaded by its share of the actual class's rows, so the diagonal reads at a glance.
 */
final class ConfusionMatrixView extends GridPane {
    /** More classes than this would make cells too small to read; the grid says so instead. */
    static final int MAX_CLASSES = 20;

    ConfusionMatrixView(ClassificationReport report) {
        setId("confusionMatrix");
        getStyleClass().add("confusion-matrix");
        setHgap(3);
        setVgap(3);
        List<String> labels = report.labels();
        int k = labels.size();
        if (k > MAX_CLASSES) {
            add(new Label(k + " classes: too many to draw; see the per-class scores in the metrics."), 0, 0);
            return;
        }
        Label corner = new Label("actual \u2193  predicted \u2192");
        corner.getStyleClass().add("matrix-corner");
        add(corner, 0, 0);
        for (int j = 0; j < k; j++) {
            Label h = header(labels.get(j));
            GridPane.setHalignment(h, HPos.CENTER);
            add(h, j + 1, 0);
        }
        int[][] m = report.confusion();
        for (int i = 0; i < k; i++) {
            add(header(labels.get(i)), 0, i + 1);
            int rowTotal = 0;
            for (int v : m[i]) {
                rowTotal += v;
            }
            for (int j = 0; j < k; j++) {
                double share = rowTotal == 0 ? 0 : (double) m[i][j] / rowTotal;
                Label cell = new Label(String.format("%,d", m[i][j]));
                cell.getStyleClass().addAll("matrix-cell", i == j ? "matrix-hit" : "matrix-miss");
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(80, 52);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                // Opacity of the cell's colour follows the share; the text stays readable on top.
                cell.setStyle("-fx-background-color: " + (i == j ? "rgba(31,136,61," : "rgba(207,34,46,")
                        + String.format(java.util.Locale.ROOT, "%.2f", 0.08 + 0.72 * share) + ");");
                if (share > 0.55) {
                    cell.getStyleClass().add("matrix-strong");
                }
                cell.setTooltip(new Tooltip(String.format("actual %s, predicted %s: %,d rows (%.1f%% of %s)",
                        labels.get(i), labels.get(j), m[i][j], share * 100, labels.get(i))));
                add(cell, j + 1, i + 1);
            }
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-header");
        return l;
    }
}
