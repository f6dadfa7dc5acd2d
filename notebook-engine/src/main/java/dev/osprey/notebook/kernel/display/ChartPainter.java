package dev.osprey.notebook.kernel.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** Draws a {@link Chart}: frame, grid, "nice" ticks, the series, labels and a legend. */
final class ChartPainter {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};
    private static final Color GRID = new Color(0xE6E6E6);
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 55;

    private final Chart chart;
    private double xMin;
    private double xMax;
    private double yMin;
    private double yMax;
    private int plotW;
    private int plotH;

    ChartPainter(Chart chart) {
        this.chart = chart;
    }

    BufferedImage paint() {
        BufferedImage img = new BufferedImage(chart.width, chart.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, chart.width, chart.height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            plotW = chart.width - LEFT - RIGHT;
            plotH = chart.height - TOP - BOTTOM;
            bounds();
            axes(g);
            switch (chart.kind) {
                case LINE, SCATTER -> points(g);
                case BAR, HISTOGRAM -> bars(g);
            }
            texts(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void bounds() {
        xMin = Double.POSITIVE_INFINITY;
        xMax = Double.NEGATIVE_INFINITY;
        yMin = Double.POSITIVE_INFINITY;
        yMax = Double.NEGATIVE_INFINITY;
        for (Chart.Series s : chart.series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
            yMin = 0;
            yMax = 1;
        }
        if (chart.kind == Chart.Kind.BAR) {
            xMin -= 0.5;
            xMax += 0.5;
        } else if (chart.kind == Chart.Kind.HISTOGRAM) {
            double w = chart.series.getFirst().x().length > 1 ? chart.series.getFirst().x()[1] - chart.series.getFirst().x()[0] : 1;
            xMax += w;
        }
        if (chart.kind == Chart.Kind.BAR || chart.kind == Chart.Kind.HISTOGRAM) {
            yMin = Math.min(0, yMin);
            yMax = Math.max(0, yMax);
        }
        if (xMax == xMin) {
            xMin -= 1;
            xMax += 1;
        }
        if (yMax == yMin) {
            yMin -= 1;
            yMax += 1;
        }
        double pad = (yMax - yMin) * 0.05;
        yMax += pad;
        if (yMin != 0) {
            yMin -= pad;
        }
    }

    private double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * plotW;
    }

    private double py(double y) {
        return TOP + plotH - (y - yMin) / (yMax - yMin) * plotH;
    }

    private void axes(Graphics2D g) {
        FontMetrics fm = g.getFontMetrics();
        double yStep = niceStep(yMax - yMin);
        for (double v = Math.ceil(yMin / yStep) * yStep; v <= yMax + 1e-9 * yStep; v += yStep) {
            int y = (int) Math.round(py(v));
            g.setColor(GRID);
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String t = format(v, yStep);
            g.drawString(t, LEFT - 6 - fm.stringWidth(t), y + fm.getAscent() / 2 - 1);
        }
        if (chart.kind == Chart.Kind.BAR) {
            for (int i = 0; i < chart.labels.size(); i++) {
                String t = chart.labels.get(i);
                int x = (int) Math.round(px(i));
                g.drawString(t, x - fm.stringWidth(t) / 2, TOP + plotH + fm.getAscent() + 4);
            }
        } else {
            double xStep = niceStep(xMax - xMin);
            for (double v = Math.ceil(xMin / xStep) * xStep; v <= xMax + 1e-9 * xStep; v += xStep) {
                int x = (int) Math.round(px(v));
                g.setColor(GRID);
                g.drawLine(x, TOP, x, TOP + plotH);
                g.setColor(Color.DARK_GRAY);
                String t = format(v, xStep);
                g.drawString(t, x - fm.stringWidth(t) / 2, TOP + plotH + fm.getAscent() + 4);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, plotW, plotH);
    }

    private void points(Graphics2D g) {
        g.setClip(new Rectangle2D.Double(LEFT, TOP, plotW + 1, plotH + 1));
        for (int s = 0; s < chart.series.size(); s++) {
            Chart.Series series = chart.series.get(s);
            g.setColor(PALETTE[s % PALETTE.length]);
            if (chart.kind == Chart.Kind.LINE) {
                g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D path = new Path2D.Double();
                boolean started = false;
                for (int i = 0; i < series.x().length; i++) {
                    if (!Double.isFinite(series.x()[i]) || !Double.isFinite(series.y()[i])) {
                        started = false; // a gap where a value is missing
                        continue;
                    }
                    if (started) {
                        path.lineTo(px(series.x()[i]), py(series.y()[i]));
                    } else {
                        path.moveTo(px(series.x()[i]), py(series.y()[i]));
                        started = true;
                    }
                }
                g.draw(path);
            } else {
                for (int i = 0; i < series.x().length; i++) {
                    g.fill(new Ellipse2D.Double(px(series.x()[i]) - 3, py(series.y()[i]) - 3, 6, 6));
                }
            }
        }
        g.setClip(null);
        g.setStroke(new BasicStroke(1f));
    }

    private void bars(Graphics2D g) {
        Chart.Series s = chart.series.getFirst();
        double width = chart.kind == Chart.Kind.BAR ? 0.7 : (s.x().length > 1 ? s.x()[1] - s.x()[0] : 1);
        for (int i = 0; i < s.x().length; i++) {
            double left = chart.kind == Chart.Kind.BAR ? s.x()[i] - width / 2 : s.x()[i];
            double x0 = px(left);
            double x1 = px(left + width);
            double y0 = py(Math.max(0, s.y()[i]));
            double y1 = py(Math.min(0, s.y()[i]));
            Rectangle2D bar = new Rectangle2D.Double(x0, y0, Math.max(1, x1 - x0), Math.max(0, y1 - y0));
            g.setColor(PALETTE[0]);
            g.fill(bar);
            g.setColor(Color.WHITE);
            g.draw(bar);
        }
    }

    private void texts(Graphics2D g) {
        g.setColor(Color.BLACK);
        if (!chart.title.isEmpty()) {
            g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(chart.title, (chart.width - fm.stringWidth(chart.title)) / 2, TOP - 14);
        }
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        FontMetrics fm = g.getFontMetrics();
        if (!chart.xLabel.isEmpty()) {
            g.drawString(chart.xLabel, LEFT + (plotW - fm.stringWidth(chart.xLabel)) / 2, chart.height - 12);
        }
        if (!chart.yLabel.isEmpty()) {
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(chart.yLabel, -(TOP + (plotH + fm.stringWidth(chart.yLabel)) / 2), 16);
            g.setTransform(saved);
        }
        boolean named = chart.series.stream().anyMatch(s -> !s.name().isEmpty());
        if (named) {
            int y = TOP + 8;
            for (int i = 0; i < chart.series.size(); i++) {
                String name = chart.series.get(i).name().isEmpty() ? "series " + (i + 1) : chart.series.get(i).name();
                int x = LEFT + plotW - 12 - fm.stringWidth(name) - 18;
                g.setColor(PALETTE[i % PALETTE.length]);
                g.fillRect(x, y + 2, 12, 8);
                g.setColor(Color.BLACK);
                g.drawString(name, x + 18, y + fm.getAscent() - 2);
                y += fm.getHeight() + 2;
            }
        }
    }

    /** 1, 2 or 5 times a power of ten, giving about five ticks over {@code range}. */
    static double niceStep(double range) {
        double raw = range / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String format(double v, double step) {
        if (Math.abs(v) < step * 1e-9) {
            return "0";
        }
        if (step >= 1 && Math.abs(v) < 1e7) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step)));
        return decimals > 6 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
