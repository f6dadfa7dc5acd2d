package dev.osprey.core.quality;

import java.util.List;
import java.util.Locale;

/** The report's charts as inline SVG text: nothing to load, so the HTML file stands alone. */
final class Svg {
    /** One bar of a horizontal bar chart. */
    record Bar(String label, double value, String text, boolean highlight) {
    }

    private Svg() {
    }

    /** A mini histogram: {@code counts} as bars filling {@code width} x {@code height}. */
    static String histogram(long[] counts, int width, int height) {
        StringBuilder sb = open(width, height, "histogram");
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double w = counts.length == 0 ? 0 : (double) width / counts.length;
        for (int i = 0; i < counts.length; i++) {
            double h = counts[i] == 0 ? 0 : Math.max(1, (double) counts[i] / max * (height - 1));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4c78a8\"/>",
                    i * w + 0.5, height - h, Math.max(0.5, w - 1), h));
        }
        return sb.append("</svg>").toString();
    }

    /**
     * Horizontal bars, one per line, scaled to {@code max} (the largest value when NaN), with an
     * optional dashed line at {@code mark} (e.g. the leakage threshold).
     */
    static String bars(List<Bar> bars, double max, double mark, int width) {
        int labelWidth = 170;
        int textWidth = 70;
        int row = 22;
        int height = Math.max(row, bars.size() * row + 4);
        double top = Double.isNaN(max) ? bars.stream().mapToDouble(Bar::value).max().orElse(1) : max;
        if (!(top > 0)) {
            top = 1;
        }
        int plot = width - labelWidth - textWidth;
        StringBuilder sb = open(width, height, "bar chart");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double len = Math.max(0, Math.min(1, b.value() / top)) * plot;
            int y = i * row + 2;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"l\">%s</text>",
                    labelWidth - 6, y + 15, HtmlReport.escape(shorten(b.label(), 26))));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>",
                    labelWidth, y + 2, len, b.highlight() ? "#d62728" : "#4c78a8"));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"v\">%s</text>",
                    labelWidth + len + 4, y + 15, HtmlReport.escape(b.text())));
        }
        if (!Double.isNaN(mark) && mark <= top) {
            double x = labelWidth + mark / top * plot;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\""
                    + " stroke-dasharray=\"4 3\"/>", x, x, height));
        }
        return sb.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String label) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", width, height, width, height, label));
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
