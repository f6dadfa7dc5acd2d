package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.osprey.core.wrangle.SqlText.asDouble;
import static dev.osprey.core.wrangle.SqlText.ident;
import static dev.osprey.core.wrangle.SqlText.idents;
import static dev.osprey.core.wrangle.SqlText.literal;
import static dev.osprey.core.wrangle.SqlText.number;

/**
 * Compiles one checked step into a SELECT over the previous step's relation {@code prev}. Fitted steps
 * use their fitted constants as literals, so the SQL of a fitted recipe is self-contained.
 */
final class StepSql {
    private StepSql() {
    }

    static String compile(Step step, StepFit fit, Schema in, String prev, Sources sources) {
        String from = " FROM " + prev;
        return switch (step) {
            case Step.SelectColumns s -> "SELECT " + idents(s.columns()) + from;
            case Step.DropColumns s -> "SELECT * EXCLUDE (" + idents(s.columns()) + ")" + from;
            case Step.RenameColumn s -> "SELECT " + in.names().stream()
                    .map(n -> n.equals(s.column()) ? ident(n) + " AS " + ident(s.newName()) : ident(n))
                    .collect(Collectors.joining(", ")) + from;
            case Step.ReorderColumns s -> {
                List<String> order = new ArrayList<>(s.first());
                in.names().stream().filter(n -> !s.first().contains(n)).forEach(order::add);
                yield "SELECT " + idents(order) + from;
            }
            case Step.CastColumn s -> cast(s.column(), castExpr(s), s.onFailure(), from);
            case Step.ParseDate s -> cast(s.column(), parseExpr(s), s.onFailure(), from);
            case Step.ExtractDatePart s -> "SELECT *, " + datePart(s) + " AS " + ident(Names.datePart(s)) + from;
            case Step.FillMissing s -> replace(s.column(), fill(s, fit, in.get(s.column())), from);
            case Step.DropMissing s -> {
                List<String> cols = s.columns().isEmpty() ? in.names() : s.columns();
                yield "SELECT *" + from + " WHERE " + cols.stream().map(c -> ident(c) + " IS NOT NULL")
                        .collect(Collectors.joining(" AND "));
            }
            case Step.MissingIndicator s -> "SELECT *, CAST(" + ident(s.column()) + " IS NULL AS BIGINT) AS "
                    + ident(Names.indicator(s)) + from;
            case Step.Filter s -> "SELECT *" + from + " WHERE " + Conditions.sql(s.condition(), in);
            case Step.RemoveDuplicates s -> s.columns().isEmpty() ? "SELECT DISTINCT *" + from
                    : "SELECT *" + from + " QUALIFY row_number() OVER (PARTITION BY " + idents(s.columns()) + ") = 1";
            case Step.ComputedColumn s -> in.has(s.name()) ? replace(s.name(), "(" + s.expression() + ")", from)
                    : "SELECT *, (" + s.expression() + ") AS " + ident(s.name()) + from;
            case Step.OneHotEncode s -> oneHot(s, StepFit.as(fit, StepFit.Categories.class, step), from);
            case Step.OrdinalEncode s -> ordinal(s, StepFit.as(fit, StepFit.Categories.class, step), from);
            case Step.Standardize s -> scale(s.column(), StepFit.as(fit, StepFit.Scale.class, step), from);
            case Step.MinMaxScale s -> scale(s.column(), StepFit.as(fit, StepFit.Scale.class, step), from);
            case Step.Bin s -> "SELECT *, " + bin(s.column(), StepFit.as(fit, StepFit.Edges.class, step)) + " AS "
                    + ident(Names.bin(s)) + from;
            case Step.LogTransform s -> replace(s.column(), "CASE WHEN " + asDouble(s.column()) + " + " + number(s.offset())
                    + " > 0 THEN ln(" + asDouble(s.column()) + " + " + number(s.offset()) + ") END", from);
            case Step.PowerTransform s -> replace(s.column(), "pow(" + asDouble(s.column()) + ", " + number(s.exponent()) + ")",
                    from);
            case Step.ClipOutliers s -> replace(s.column(), clip(s.column(), StepFit.as(fit, StepFit.Bounds.class, step)), from);
            case Step.TrimText s -> replace(s.column(), "trim(" + ident(s.column()) + ")", from);
            case Step.ChangeCase s -> replace(s.column(), (s.textCase() == Step.TextCase.UPPER ? "upper(" : "lower(")
                    + ident(s.column()) + ")", from);
            case Step.RegexReplace s -> replace(s.column(), "regexp_replace(" + ident(s.column()) + ", " + literal(s.pattern())
                    + ", " + literal(duckReplacement(s.replacement())) + ", 'g')", from);
            case Step.SplitText s -> {
                List<String> names = Names.split(s);
                StringBuilder sb = new StringBuilder("SELECT *");
                for (int i = 0; i < names.size(); i++) {
                    sb.append(", string_split(").append(ident(s.column())).append(", ").append(literal(s.delimiter()))
                            .append(")[").append(i + 1).append("] AS ").append(ident(names.get(i)));
                }
                yield sb + from;
            }
            case Step.TextLength s -> "SELECT *, length(" + ident(s.column()) + ") AS " + ident(Names.length(s)) + from;
            case Step.Join s -> Joins.join(s, in, sources.find(s.otherDataset()).orElseThrow(), prev);
            case Step.Concatenate s -> "SELECT *" + from + " UNION ALL BY NAME SELECT * FROM ("
                    + sources.find(s.otherDataset()).orElseThrow().sql() + ")";
            case Step.GroupBy s -> groupBy(s, from);
            case Step.Sample s -> Sampling.sample(s, in, from);
            case Step.TrainTestSplit s -> "SELECT *, CASE WHEN " + Sampling.unit(in, s.seed()) + " < "
                    + Sampling.threshold(s.testFraction()) + " THEN 'test' ELSE 'train' END AS " + ident(s.column()) + from;
            case Step.Balance s -> Sampling.balance(s, in, prev);
        };
    }

    private static String replace(String column, String expr, String from) {
        return "SELECT * REPLACE (" + expr + " AS " + ident(column) + ")" + from;
    }

    private static String cast(String column, String tryExpr, Step.CastPolicy policy, String from) {
        return switch (policy) {
            case FAIL -> replace(column, tryExpr.replaceFirst("^TRY_CAST\\(", "CAST(").replaceFirst("try_strptime\\(", "strptime("),
                    from);
            case NULL -> replace(column, tryExpr, from);
            case DROP_ROW -> replace(column, tryExpr, from) + " WHERE " + ident(column) + " IS NULL OR " + tryExpr + " IS NOT NULL";
        };
    }

    /** The lenient (TRY_) form of the conversion; {@link #cast} turns it strict for the FAIL policy. */
    static String castExpr(Step.CastColumn s) {
        return "TRY_CAST(" + ident(s.column()) + " AS " + s.type().sqlType() + ")";
    }

    static String parseExpr(Step.ParseDate s) {
        String parsed = "try_strptime(" + ident(s.column()) + ", " + literal(s.format()) + ")";
        return DateFormats.hasTime(s.format()) ? parsed : "CAST(" + parsed + " AS DATE)";
    }

    /** Rows whose value is present but does not convert. */
    static String failuresWhere(Step step) {
        return switch (step) {
            case Step.CastColumn s -> ident(s.column()) + " IS NOT NULL AND " + castExpr(s) + " IS NULL";
            case Step.ParseDate s -> ident(s.column()) + " IS NOT NULL AND " + parseExpr(s) + " IS NULL";
            default -> throw new IllegalArgumentException("not a conversion: " + step);
        };
    }

    private static String datePart(Step.ExtractDatePart s) {
        String fn = switch (s.part()) {
            case YEAR -> "year";
            case QUARTER -> "quarter";
            case MONTH -> "month";
            case DAY -> "day";
            case DAY_OF_WEEK -> "isodow";
            case DAY_OF_YEAR -> "dayofyear";
            case HOUR -> "hour";
            case MINUTE -> "minute";
            case SECOND -> "second";
        };
        return "CAST(" + fn + "(" + ident(s.column()) + ") AS BIGINT)";
    }

    private static String fill(Step.FillMissing s, StepFit fit, Column col) {
        StepFit.Fill f = s.method() == Step.FillMethod.CONSTANT ? new StepFit.Fill(null, s.constant())
                : StepFit.as(fit, StepFit.Fill.class, s);
        if (f.number() != null) {
            return "coalesce(" + asDouble(s.column()) + ", " + number(f.number()) + ")";
        }
        if (f.text() == null) {
            return ident(s.column());
        }
        return "coalesce(" + ident(s.column()) + ", CAST(" + literal(f.text()) + " AS " + col.type().sqlType() + "))";
    }

    private static String oneHot(Step.OneHotEncode s, StepFit.Categories cats, String from) {
        StringBuilder sb = new StringBuilder(s.dropOriginal() ? "SELECT * EXCLUDE (" + ident(s.column()) + ")" : "SELECT *");
        for (String v : cats.values()) {
            sb.append(", CASE WHEN CAST(").append(ident(s.column())).append(" AS VARCHAR) = ").append(literal(v))
                    .append(" THEN 1 ELSE 0 END AS ").append(ident(Names.oneHot(s.column(), v)));
        }
        return sb + from;
    }

    private static String ordinal(Step.OrdinalEncode s, StepFit.Categories cats, String from) {
        StringBuilder expr = new StringBuilder("CASE CAST(" + ident(s.column()) + " AS VARCHAR)");
        for (int i = 0; i < cats.values().size(); i++) {
            expr.append(" WHEN ").append(literal(cats.values().get(i))).append(" THEN ").append(i);
        }
        expr.append(cats.values().isEmpty() ? " WHEN NULL THEN 0" : "").append(" END");
        String e = "CAST(" + expr + " AS BIGINT)";
        String target = Names.ordinal(s);
        return target.equals(s.column()) ? replace(s.column(), e, from) : "SELECT *, " + e + " AS " + ident(target) + from;
    }

    private static String scale(String column, StepFit.Scale f, String from) {
        return replace(column, "(" + asDouble(column) + " - " + number(f.center()) + ") / " + number(f.scale()), from);
    }

    static String bin(String column, StepFit.Edges f) {
        String x = asDouble(column);
        StringBuilder sb = new StringBuilder("CASE WHEN " + ident(column) + " IS NULL THEN NULL ELSE CAST(0");
        for (double e : f.edges()) {
            sb.append(" + CASE WHEN ").append(x).append(" >= ").append(number(e)).append(" THEN 1 ELSE 0 END");
        }
        return sb.append(" AS BIGINT) END").toString();
    }

    private static String clip(String column, StepFit.Bounds b) {
        String x = asDouble(column);
        return "CASE WHEN " + x + " < " + number(b.low()) + " THEN " + number(b.low()) + " WHEN " + x + " > " + number(b.high())
                + " THEN " + number(b.high()) + " ELSE " + x + " END";
    }

    /** {@code $1} (the Java form the user writes) as DuckDB's {@code \1}. */
    static String duckReplacement(String replacement) {
        return replacement.replaceAll("\\$(\\d)", "\\\\$1");
    }

    private static String groupBy(Step.GroupBy s, String from) {
        List<String> parts = new ArrayList<>();
        s.keys().forEach(k -> parts.add(ident(k)));
        for (Step.Aggregate a : s.aggregates()) {
            String c = a.column() == null ? "*" : ident(a.column());
            String e = switch (a.function()) {
                case COUNT -> "count(" + c + ")";
                case COUNT_DISTINCT -> "count(DISTINCT " + c + ")";
                case SUM -> "sum(" + c + ")";
                case MEAN -> "avg(" + c + ")";
                case MEDIAN -> "median(" + c + ")";
                case MIN -> "min(" + c + ")";
                case MAX -> "max(" + c + ")";
                case STD -> "stddev_samp(" + c + ")";
            };
            parts.add(e + " AS " + ident(Names.aggregate(a)));
        }
        String sql = "SELECT " + String.join(", ", parts) + from;
        return s.keys().isEmpty() ? sql : sql + " GROUP BY " + idents(s.keys()) + " ORDER BY " + idents(s.keys());
    }
}
