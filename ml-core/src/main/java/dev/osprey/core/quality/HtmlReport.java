package dev.osprey.core.quality;

import dev.osprey.core.workspace.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.osprey.core.quality.QualityFormat.count;
import static dev.osprey.core.quality.QualityFormat.number;
import static dev.osprey.core.quality.QualityFormat.percent;
import static dev.osprey.core.quality.QualityFormat.score;

/**
 * The report as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts and
 * nothing loaded from elsewhere, so it opens offline and can be mailed. Written atomically.
 */
public final class HtmlReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1f2328;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            .sub{color:#59636e;margin-bottom:16px}.cards{display:flex;gap:12px;flex-wrap:wrap}
            .card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:110px}
            .card b{display:block;font-size:20px}.card span{color:#59636e;font-size:12px}
            table{border-collapse:collapse;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:middle}
            th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .sev{display:inline-block;border-radius:10px;padding:1px 8px;font-size:11px;font-weight:600;color:#fff}
            .HIGH{background:#cf222e}.MEDIUM{background:#bf8700}.LOW{background:#57606a}
            svg text{font-size:11px;fill:#1f2328}.note{color:#59636e}
            """;

    private HtmlReport() {
    }

    /** Writes {@code report} to {@code file} (temp file, fsync, rename). */
    public static void write(QualityReport report, Path file) throws IOException {
        AtomicFiles.writeString(file, render(report));
    }

    public static String render(QualityReport r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data quality: ")
                .append(escape(r.dataset())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Data quality and insights: ").append(escape(r.dataset())).append("</h1>\n<div class=\"sub\">")
                .append(WHEN.format(r.createdAt())).append(" &middot; made in ")
                .append(String.format(Locale.ROOT, "%.1f s", r.elapsed().toMillis() / 1000.0))
                .append(r.target().map(t -> " &middot; target <b>" + escape(t.column()) + "</b> ("
                        + t.problemType().name().toLowerCase(Locale.ROOT) + ")").orElse(" &middot; no target"))
                .append("</div>\n");
        summary(h, r);
        warnings(h, r);
        columns(h, r);
        target(h, r);
        leakage(h, r);
        quickModel(h, r);
        if (!r.notes().isEmpty()) {
            h.append("<h2>Notes</h2><ul>");
            r.notes().forEach(n -> h.append("<li class=\"note\">").append(escape(n)).append("</li>"));
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, QualityReport r) {
        h.append("<div class=\"cards\">");
        card(h, count(r.rows()), "rows");
        card(h, count(r.columns().size()), "columns");
        card(h, count(r.duplicateRows()), "duplicate rows");
        long missingCells = r.columns().stream().mapToLong(ColumnProfile::missing).sum();
        card(h, percent(r.rows() == 0 || r.columns().isEmpty() ? 0 : (double) missingCells / (r.rows() * r.columns().size())),
                "missing cells");
        card(h, r.count(Severity.HIGH) + " / " + r.count(Severity.MEDIUM) + " / " + r.count(Severity.LOW), "warnings high / medium / low");
        h.append("</div>\n");
    }

    private static void card(StringBuilder h, String value, String label) {
        h.append("<div class=\"card\"><b>").append(escape(value)).append("</b><span>").append(escape(label)).append("</span></div>");
    }

    private static void warnings(StringBuilder h, QualityReport r) {
        h.append("<h2>Warnings</h2>");
        if (r.warnings().isEmpty()) {
            h.append("<p class=\"note\">No warnings.</p>\n");
            return;
        }
        h.append("<table><tr><th>Severity</th><th>Column</th><th>Finding</th></tr>");
        for (QualityWarning w : r.warnings()) {
            h.append("<tr><td><span class=\"sev ").append(w.severity().name()).append("\">").append(w.severity().label())
                    .append("</span></td><td>").append(escape(w.column().orElse("(all rows)"))).append("</td><td>")
                    .append(escape(w.message())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void columns(StringBuilder h, QualityReport r) {
        h.append("<h2>Columns</h2><table><tr><th>Column</th><th>Type</th><th>Missing</th><th>Distinct</th><th>Min</th>"
                + "<th>Max</th><th>Mean</th><th>Std</th><th>Median</th><th>Skew</th><th>Outliers</th><th>Distribution</th></tr>");
        for (ColumnProfile c : r.columns()) {
            h.append("<tr><td>").append(escape(c.name())).append("</td><td>").append(c.type().name().toLowerCase(Locale.ROOT))
                    .append("</td><td class=\"n\">").append(percent(c.missingShare())).append("</td><td class=\"n\">")
                    .append(count(c.distinct())).append("</td><td class=\"n\">").append(escape(Svg.shorten(c.min().orElse("-"), 24)))
                    .append("</td><td class=\"n\">").append(escape(Svg.shorten(c.max().orElse("-"), 24))).append("</td>");
            if (c.numeric().isPresent()) {
                ColumnProfile.NumericStats n = c.numeric().get();
                for (double v : new double[]{n.mean(), n.std(), n.median(), n.skewness()}) {
                    h.append("<td class=\"n\">").append(number(v)).append("</td>");
                }
                h.append("<td class=\"n\">").append(count(n.outliers())).append("</td><td>")
                        .append(Svg.histogram(n.histogram().counts(), 120, 28)).append("</td>");
            } else {
                h.append("<td></td><td></td><td></td><td></td><td></td><td>").append(topValues(c)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }

    private static String topValues(ColumnProfile c) {
        if (c.topValues().isEmpty()) {
            return "";
        }
        List<Svg.Bar> bars = new ArrayList<>();
        for (ColumnProfile.ValueCount v : c.topValues()) {
            bars.add(new Svg.Bar(v.value(), v.count(), percent(c.count() == 0 ? 0 : (double) v.count() / c.count()), false));
        }
        return Svg.bars(bars, Double.NaN, Double.NaN, 360);
    }

    private static void target(StringBuilder h, QualityReport r) {
        r.target().filter(t -> !t.classes().isEmpty()).ifPresent(t -> {
            h.append("<h2>Classes of ").append(escape(t.column())).append("</h2>");
            long total = t.classes().stream().mapToLong(ColumnProfile.ValueCount::count).sum();
            List<Svg.Bar> bars = new ArrayList<>();
            for (ColumnProfile.ValueCount v : t.classes().subList(0, Math.min(30, t.classes().size()))) {
                bars.add(new Svg.Bar(v.value(), v.count(), count(v.count()) + " (" + percent((double) v.count() / total) + ")", false));
            }
            h.append(Svg.bars(bars, Double.NaN, Double.NaN, 640)).append('\n');
        });
    }

    private static void leakage(StringBuilder h, QualityReport r) {
        if (r.leakage().isEmpty()) {
            return;
        }
        String metric = r.leakage().getFirst().metric();
        boolean auc = metric.equals("roc_auc");
        h.append("<h2>Predictive power of each column alone (").append(auc ? "ROC AUC" : "R²")
                .append(", 5-fold cross-validation on a sample)</h2>");
        List<Svg.Bar> bars = new ArrayList<>();
        for (LeakageScore s : r.leakage()) {
            bars.add(new Svg.Bar(s.column(), Math.max(0, s.score()), score(s.score()) + (s.flagged() ? "  leakage?" : ""), s.flagged()));
        }
        h.append(Svg.bars(bars, 1, auc ? LeakageProbe.AUC_FLAG : LeakageProbe.R2_FLAG, 760))
                .append("<p class=\"note\">The dashed line is the near-perfect threshold; a column past it is flagged.</p>\n");
    }

    private static void quickModel(StringBuilder h, QualityReport r) {
        r.quickModel().ifPresent(q -> {
            h.append("<h2>Quick model: boosted trees (").append(escape(q.algorithm())).append(", default settings, ")
                    .append(count(q.trainRows())).append(" training / ").append(count(q.validRows()))
                    .append(" validation rows, run ").append(q.run().value()).append(")</h2><table><tr><th>Metric</th><th>Value</th></tr>");
            for (Map.Entry<String, Double> m : q.metrics().entrySet()) {
                h.append("<tr><td>").append(escape(m.getKey())).append("</td><td class=\"n\">").append(score(m.getValue())).append("</td></tr>");
            }
            h.append("</table><h2>Feature importance (share of gain)</h2>");
            List<Svg.Bar> bars = new ArrayList<>();
            q.importance().entrySet().stream().limit(30)
                    .forEach(e -> bars.add(new Svg.Bar(e.getKey(), e.getValue(), percent(e.getValue()), false)));
            h.append(Svg.bars(bars, Double.NaN, Double.NaN, 760)).append('\n');
        });
    }

    /** Text for HTML element content and attribute values. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
