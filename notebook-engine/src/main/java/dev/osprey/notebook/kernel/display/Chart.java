package dev.osprey.notebook.kernel.display;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small chart for notebook cells, drawn with Java2D into a PNG: line, scatter, bar and
 * histogram. Immutable; each call returns a changed copy, e.g.
 * {@code Chart.line(x, y).title("Loss").xLabel("epoch")}. The value of a cell that is a Chart
 * shows as its image.
 */
public final class Chart {
    /** What is drawn. */
    public enum Kind { LINE, SCATTER, BAR, HISTOGRAM }

    /** One series of points (line, scatter) or of bars (bar: x are indexes of {@code labels}). */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (x.length != y.length) {
                throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
            }
            x = x.clone();
            y = y.clone();
            name = name == null ? "" : name;
        }
    }

    final Kind kind;
    final List<Series> series;
    final List<String> labels;
    final String title;
    final String xLabel;
    final String yLabel;
    final int width;
    final int height;

    private Chart(Kind kind, List<Series> series, List<String> labels, String title, String xLabel, String yLabel, int width, int height) {
        this.kind = kind;
        this.series = List.copyOf(series);
        this.labels = List.copyOf(labels);
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
    }

    private static Chart of(Kind kind, Series s, List<String> labels) {
        return new Chart(kind, List.of(s), labels, "", "", "", 640, 400);
    }

    public static Chart line(double[] x, double[] y) {
        return of(Kind.LINE, new Series("", x, y), List.of());
    }

    /** A line over 0, 1, 2, ... */
    public static Chart line(double[] y) {
        return line(indexes(y.length), y);
    }

    public static Chart scatter(double[] x, double[] y) {
        return of(Kind.SCATTER, new Series("", x, y), List.of());
    }

    public static Chart bar(String[] labels, double[] values) {
        if (labels.length != values.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + values.length + " values");
        }
        return of(Kind.BAR, new Series("", indexes(values.length), values), List.of(labels));
    }

    /** Counts of {@code values} in {@code bins} equal-width bins between their minimum and maximum. */
    public static Chart histogram(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to count");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double w = max > min ? (max - min) / bins : 1;
        double[] counts = new double[bins];
        double[] starts = new double[bins];
        for (int i = 0; i < bins; i++) {
            starts[i] = min + i * w;
        }
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / w))]++;
        }
        return of(Kind.HISTOGRAM, new Series("", starts, counts), List.of()).yLabel("count");
    }

    /** Adds a named series (line and scatter charts); a legend appears once series are named. */
    public Chart series(String name, double[] x, double[] y) {
        if (kind != Kind.LINE && kind != Kind.SCATTER) {
            throw new IllegalStateException("only line and scatter charts take more series");
        }
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, x, y));
        return new Chart(kind, more, labels, title, xLabel, yLabel, width, height);
    }

    /** Names the first series (for the legend). */
    public Chart name(String name) {
        List<Series> renamed = new ArrayList<>(series);
        Series first = renamed.getFirst();
        renamed.set(0, new Series(name, first.x(), first.y()));
        return new Chart(kind, renamed, labels, title, xLabel, yLabel, width, height);
    }

    public Chart title(String text) {
        return new Chart(kind, series, labels, Objects.requireNonNull(text), xLabel, yLabel, width, height);
    }

    public Chart xLabel(String text) {
        return new Chart(kind, series, labels, title, Objects.requireNonNull(text), yLabel, width, height);
    }

    public Chart yLabel(String text) {
        return new Chart(kind, series, labels, title, xLabel, Objects.requireNonNull(text), width, height);
    }

    public Chart size(int w, int h) {
        if (w < 100 || h < 80 || w > 4000 || h > 4000) {
            throw new IllegalArgumentException("a chart is 100x80 to 4000x4000 pixels");
        }
        return new Chart(kind, series, labels, title, xLabel, yLabel, w, h);
    }

    public Kind kind() {
        return kind;
    }

    public BufferedImage toImage() {
        return new ChartPainter(this).paint();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " chart" + (title.isEmpty() ? "" : " '" + title + "'");
    }

    private static double[] indexes(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
