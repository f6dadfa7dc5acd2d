package dev.osprey.app.data.grid;

import dev.osprey.core.data.ColumnSummary;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * A column's shape in a few pixels, for its header: the histogram's bars for numbers, the top
 * values' shares as bars for the rest. Drawn on a canvas: 20 bars as nodes in each of twenty
 * headers would be four hundred nodes for a picture.
 */
final class MiniChart extends Canvas {
    private static final Color BAR = Color.web("#4d7fd6");
    private static final Color TRACK = Color.web("#8c959f", 0.18);

    MiniChart(double width, double height) {
        super(width, height);
        getStyleClass().add("mini-chart");
    }

    void show(ColumnSummary s) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (s == null) {
            g.setFill(TRACK);
            g.fillRect(0, h - 2, w, 2);
            return;
        }
        List<Long> bins = s.histogram();
        if (!bins.isEmpty()) {
            long max = bins.stream().mapToLong(Long::longValue).max().orElse(1);
            double bw = w / bins.size();
            g.setFill(BAR);
            for (int i = 0; i < bins.size(); i++) {
                double bh = max == 0 ? 0 : Math.max(bins.get(i) > 0 ? 1 : 0, (h - 1) * bins.get(i) / (double) max);
                g.fillRect(i * bw + 0.5, h - bh, Math.max(1, bw - 1), bh);
            }
            return;
        }
        List<ColumnSummary.TopValue> top = s.topValues();
        long present = Math.max(1, s.rows() - s.missing());
        double bh = Math.max(2, (h - 2) / Math.max(3, top.size()) - 1);
        for (int i = 0; i < top.size() && i < 5; i++) {
            double y = i * (bh + 1);
            g.setFill(TRACK);
            g.fillRect(0, y, w, bh);
            g.setFill(BAR);
            g.fillRect(0, y, Math.max(1, w * top.get(i).count() / (double) present), bh);
        }
    }
}
