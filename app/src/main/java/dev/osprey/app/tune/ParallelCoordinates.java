package dev.osprey.app.tune;

import dev.osprey.core.tune.Direction;
import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.Param;
import dev.osprey.core.tune.SearchSpace;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters against the metric: one vertical axis per parameter of the space (on its own search
 * scale: log ranges are log axes, choices are evenly spaced) and a last axis for the objective;
 * one polyline per complete trial, coloured from blue (worst) to orange (best); the best trial
 * drawn thickest. Drawn on a canvas, redrawn on each batch and resize.
 */
final class ParallelCoordinates extends Region {
    private static final double TOP = 46;
    private static final double BOTTOM = 26;
    private static final double SIDE = 46;
    private final TuningViewModel model;
    private final Canvas canvas = new Canvas();
    private int drawn;

    ParallelCoordinates(TuningViewModel model) {
        this.model = model;
        setId("parallelCoordinates");
        getStyleClass().add("parallel-coordinates");
        getChildren().add(canvas);
        setMinHeight(220);
        setPrefHeight(260);
        model.trials().addListener((ListChangeListener<TrialRow>) c -> draw());
        model.spaceProperty().addListener((o, a, b) -> draw());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** For tests: the number of trial lines drawn last time. */
    int drawnLines() {
        return drawn;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        SearchSpace space = model.spaceProperty().get();
        Objective objective = model.objectiveProperty().get();
        List<TrialRow> done = model.trials().stream().filter(TrialRow::isComplete).toList();
        drawn = 0;
        g.setFont(Font.font(10.5));
        if (space == null || w < 2 * SIDE || h < TOP + BOTTOM + 20) {
            return;
        }
        if (done.isEmpty()) {
            g.setFill(Color.gray(0.45));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Each complete trial becomes a line across the parameter axes.", w / 2, h / 2);
            return;
        }
        List<Param> params = space.params();
        int axes = params.size() + 1;
        double step = axes == 1 ? 0 : (w - 2 * SIDE) / (axes - 1);
        double lo = done.stream().mapToDouble(t -> t.value().getAsDouble()).min().orElse(0);
        double hi = done.stream().mapToDouble(t -> t.value().getAsDouble()).max().orElse(1);
        boolean minimise = objective == null || objective.direction() == Direction.MINIMIZE;
        TrialRow best = model.bestProperty().get();
        // lines first, worst first, so the best ones are on top
        List<TrialRow> order = new ArrayList<>(done);
        order.sort(java.util.Comparator.comparingDouble(t -> goodness(t, lo, hi, minimise)));
        for (TrialRow t : order) {
            double good = goodness(t, lo, hi, minimise);
            boolean isBest = best != null && best.number() == t.number();
            g.setStroke(isBest ? Color.web("#d9480f") : Color.hsb(210 - 180 * good, 0.75, 0.85, 0.35 + 0.5 * good));
            g.setLineWidth(isBest ? 3 : 1.4);
            g.beginPath();
            for (int i = 0; i < axes; i++) {
                double frac = i < params.size() ? position(params.get(i), t.params().get(params.get(i).name()))
                        : (hi == lo ? 0.5 : (t.value().getAsDouble() - lo) / (hi - lo));
                double x = SIDE + i * step;
                double y = TOP + (1 - frac) * (h - TOP - BOTTOM);
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            drawn++;
        }
        // axes and their labels over the lines
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < axes; i++) {
            double x = SIDE + i * step;
            g.setStroke(Color.gray(0.35));
            g.strokeLine(x, TOP, x, h - BOTTOM);
            g.setFill(Color.gray(0.15));
            g.setTextBaseline(VPos.BOTTOM);
            String name = i < params.size() ? params.get(i).name() : objective == null ? "value" : objective.metric();
            // names alternate between two rows so neighbours never overlap
            g.fillText(shorten(name, 2 * step), x, i % 2 == 0 ? TOP - 30 : TOP - 17);
            g.setFill(Color.gray(0.4));
            String top = i < params.size() ? bound(params.get(i), true) : compact(hi);
            String bottom = i < params.size() ? bound(params.get(i), false) : compact(lo);
            g.fillText(top, x, TOP - 1);
            g.setTextBaseline(VPos.TOP);
            g.fillText(bottom, x, h - BOTTOM + 3);
        }
    }

    /** 1 for the best value of the shown trials, 0 for the worst. */
    private static double goodness(TrialRow t, double lo, double hi, boolean minimise) {
        if (hi == lo) {
            return 1;
        }
        double f = (t.value().getAsDouble() - lo) / (hi - lo);
        return minimise ? 1 - f : f;
    }

    /** Where a value sits on the parameter's axis, 0 (bottom) to 1 (top), on the search scale. */
    static double position(Param p, String value) {
        if (value == null) {
            return 0.5;
        }
        if (p instanceof Param.CategoricalParam c) {
            int i = c.choices().indexOf(value);
            return c.choices().size() == 1 ? 0.5 : Math.max(0, i) / (double) (c.choices().size() - 1);
        }
        double x = p.internal(value);
        if (Double.isNaN(x)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (x - p.low()) / (p.high() - p.low())));
    }

    private static String bound(Param p, boolean top) {
        return switch (p) {
            case Param.IntParam i -> Integer.toString(top ? i.highValue() : i.lowValue());
            case Param.FloatParam f -> compact(top ? f.highValue() : f.lowValue());
            case Param.CategoricalParam c -> top ? c.choices().getLast() : c.choices().getFirst();
        };
    }

    /** At most 4 significant digits, no trailing zeros: axis ends must fit between neighbours. */
    static String compact(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) {
            return String.format(java.util.Locale.ROOT, "%.1e", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String shorten(String name, double room) {
        int max = Math.max(4, (int) (room / 6.5));
        return name.length() <= max ? name : name.substring(0, max - 1) + "\u2026";
    }
}
