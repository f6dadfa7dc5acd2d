package dev.osprey.core.wrangle;

import dev.osprey.core.data.ColumnType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Each row-wise step in plain Java, matching what its SQL ({@link StepSql}) does to one row. */
final class RowSteps {
    enum Kind { ROW, SKIP, REJECT }

    private static final DateTimeFormatter DUCK_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private RowSteps() {
    }

    static Kind kind(Step step) {
        return switch (step) {
            case Step.Filter f -> Kind.SKIP;
            case Step.DropMissing d -> Kind.SKIP;
            case Step.RemoveDuplicates d -> Kind.SKIP;
            case Step.Sample s -> Kind.SKIP;
            case Step.TrainTestSplit s -> Kind.SKIP;
            case Step.Balance b -> Kind.SKIP;
            case Step.Join j -> Kind.REJECT;
            case Step.Concatenate c -> Kind.REJECT;
            case Step.GroupBy g -> Kind.REJECT;
            case Step.ComputedColumn c -> Kind.REJECT;
            default -> Kind.ROW;
        };
    }

    /** The column types after a row-wise step. */
    static LinkedHashMap<String, ColumnType> types(Step step, StepFit fit, LinkedHashMap<String, ColumnType> in) {
        LinkedHashMap<String, ColumnType> out = new LinkedHashMap<>(in);
        if (moveColumns(step, in, out)) {
            return out;
        }
        switch (step) {
            case Step.CastColumn s -> out.put(s.column(), s.type());
            case Step.ParseDate s -> {
                DateFormats.java(s.format()); // refuses a format with no Java equivalent now, not on the first row
                out.put(s.column(), DateFormats.hasTime(s.format()) ? ColumnType.TIMESTAMP : ColumnType.DATE);
            }
            case Step.ExtractDatePart s -> out.put(Names.datePart(s), ColumnType.INTEGER);
            case Step.FillMissing s -> {
                if (fit instanceof StepFit.Fill f && f.number() != null) {
                    out.put(s.column(), ColumnType.DECIMAL);
                }
            }
            case Step.MissingIndicator s -> out.put(Names.indicator(s), ColumnType.INTEGER);
            case Step.OneHotEncode s -> {
                if (s.dropOriginal()) {
                    out.remove(s.column());
                }
                ((StepFit.Categories) fit).values().forEach(v -> out.put(Names.oneHot(s.column(), v), ColumnType.INTEGER));
            }
            case Step.OrdinalEncode s -> out.put(Names.ordinal(s), ColumnType.INTEGER);
            case Step.Standardize s -> out.put(s.column(), ColumnType.DECIMAL);
            case Step.MinMaxScale s -> out.put(s.column(), ColumnType.DECIMAL);
            case Step.LogTransform s -> out.put(s.column(), ColumnType.DECIMAL);
            case Step.PowerTransform s -> out.put(s.column(), ColumnType.DECIMAL);
            case Step.ClipOutliers s -> out.put(s.column(), ColumnType.DECIMAL);
            case Step.Bin s -> out.put(Names.bin(s), ColumnType.INTEGER);
            case Step.SplitText s -> Names.split(s).forEach(n -> out.put(n, ColumnType.TEXT));
            case Step.TextLength s -> out.put(Names.length(s), ColumnType.INTEGER);
            default -> {
                // trim, case and replace keep the column and its type
            }
        }
        return out;
    }

    static LinkedHashMap<String, Object> apply(RowTransform.Op op, LinkedHashMap<String, Object> in) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(in);
        if (moveColumns(op.step(), in, out)) {
            return out;
        }
        Map<String, ColumnType> types = op.typesBefore();
        switch (op.step()) {
            case Step.CastColumn s -> out.put(s.column(), convert(s.column(), in.get(s.column()), s.type(), s.onFailure()));
            case Step.ParseDate s -> out.put(s.column(), parseDate(s, in.get(s.column())));
            case Step.ExtractDatePart s -> out.put(Names.datePart(s), datePart(s.part(), in.get(s.column())));
            case Step.FillMissing s -> out.put(s.column(), fill(s, op.fit(), in.get(s.column()), types.get(s.column())));
            case Step.MissingIndicator s -> out.put(Names.indicator(s), in.get(s.column()) == null ? 1L : 0L);
            case Step.OneHotEncode s -> {
                String v = text(in.get(s.column()));
                if (s.dropOriginal()) {
                    out.remove(s.column());
                }
                for (String cat : ((StepFit.Categories) op.fit()).values()) {
                    out.put(Names.oneHot(s.column(), cat), cat.equals(v) ? 1L : 0L);
                }
            }
            case Step.OrdinalEncode s -> {
                int code = ((StepFit.Categories) op.fit()).values().indexOf(text(in.get(s.column())));
                out.put(Names.ordinal(s), code < 0 || in.get(s.column()) == null ? null : (long) code);
            }
            case Step.Standardize s -> out.put(s.column(), scale(in.get(s.column()), (StepFit.Scale) op.fit()));
            case Step.MinMaxScale s -> out.put(s.column(), scale(in.get(s.column()), (StepFit.Scale) op.fit()));
            case Step.Bin s -> out.put(Names.bin(s), bin(in.get(s.column()), (StepFit.Edges) op.fit()));
            case Step.LogTransform s -> {
                Double x = number(in.get(s.column()));
                out.put(s.column(), x == null || !(x + s.offset() > 0) ? null : Math.log(x + s.offset()));
            }
            case Step.PowerTransform s -> {
                Double x = number(in.get(s.column()));
                out.put(s.column(), x == null ? null : Math.pow(x, s.exponent()));
            }
            case Step.ClipOutliers s -> {
                Double x = number(in.get(s.column()));
                StepFit.Bounds b = (StepFit.Bounds) op.fit();
                out.put(s.column(), x == null ? null : x < b.low() ? b.low() : x > b.high() ? b.high() : x);
            }
            case Step.TrimText s -> out.put(s.column(), mapText(in.get(s.column()), RowSteps::trimSpaces));
            case Step.ChangeCase s -> out.put(s.column(), mapText(in.get(s.column()), t ->
                    s.textCase() == Step.TextCase.UPPER ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT)));
            case Step.RegexReplace s -> out.put(s.column(), mapText(in.get(s.column()), t ->
                    Pattern.compile(s.pattern()).matcher(t).replaceAll(s.replacement())));
            case Step.SplitText s -> {
                Object v = in.get(s.column());
                String[] parts = v == null ? null : ((String) v).split(Pattern.quote(s.delimiter()), -1);
                List<String> names = Names.split(s);
                for (int i = 0; i < names.size(); i++) {
                    out.put(names.get(i), parts == null || i >= parts.length ? null : parts[i]);
                }
            }
            case Step.TextLength s -> {
                Object v = in.get(s.column());
                out.put(Names.length(s), v == null ? null : (long) ((String) v).codePointCount(0, ((String) v).length()));
            }
            default -> throw new IllegalStateException("not a row-wise step: " + op.step());
        }
        return out;
    }

    /**
     * Select, drop, rename and reorder move whole columns, so they do the same to the column types
     * as to a row's values; {@code out} starts as a copy of {@code in}. False for any other step.
     */
    private static <V> boolean moveColumns(Step step, LinkedHashMap<String, V> in, LinkedHashMap<String, V> out) {
        switch (step) {
            case Step.SelectColumns s -> {
                out.clear();
                s.columns().forEach(c -> out.put(c, in.get(c)));
            }
            case Step.DropColumns s -> s.columns().forEach(out::remove);
            case Step.RenameColumn s -> {
                out.clear();
                in.forEach((k, v) -> out.put(k.equals(s.column()) ? s.newName() : k, v));
            }
            case Step.ReorderColumns s -> {
                out.clear();
                s.first().forEach(c -> out.put(c, in.get(c)));
                in.forEach(out::putIfAbsent);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A raw value as the source column's type, as the dataset's own read would give it. */
    static Object coerce(String column, Object v, ColumnType type) {
        return convert(column, v, type, Step.CastPolicy.FAIL);
    }

    static Object convert(String column, Object v, ColumnType to, Step.CastPolicy policy) {
        if (v == null) {
            return null;
        }
        try {
            return switch (to) {
                case TEXT, CATEGORY -> text(v);
                case INTEGER -> switch (v) {
                    case Long l -> l;
                    case Integer i -> i.longValue();
                    case Short s -> s.longValue();
                    case Double d -> Math.round(Math.rint(d)); // DuckDB rounds doubles half to even
                    case Float f -> Math.round(Math.rint(f));
                    case Boolean b -> b ? 1L : 0L;
                    case String s -> Literals.parse(s, to);
                    default -> throw new IllegalArgumentException("not a number");
                };
                case DECIMAL -> switch (v) {
                    case Number n -> n.doubleValue();
                    case Boolean b -> b ? 1.0 : 0.0;
                    case String s -> Literals.parse(s, to);
                    default -> throw new IllegalArgumentException("not a number");
                };
                case BOOLEAN -> switch (v) {
                    case Boolean b -> b;
                    case Number n -> n.doubleValue() != 0;
                    case String s -> Literals.parse(s, to);
                    default -> throw new IllegalArgumentException("not a boolean");
                };
                case DATE -> switch (v) {
                    case LocalDate d -> d;
                    case LocalDateTime t -> t.toLocalDate();
                    case String s -> Literals.parse(s, to);
                    default -> throw new IllegalArgumentException("not a date");
                };
                case TIMESTAMP -> switch (v) {
                    case LocalDateTime t -> t;
                    case LocalDate d -> d.atStartOfDay();
                    case String s -> Literals.parse(s, to);
                    default -> throw new IllegalArgumentException("not a date-time");
                };
            };
        } catch (RuntimeException e) {
            if (policy == Step.CastPolicy.FAIL) {
                throw new IllegalArgumentException("Column '" + column + "': \"" + v + "\" is not " + Conditions.article(to)
                        + " value.", e);
            }
            return null;
        }
    }

    private static Object parseDate(Step.ParseDate s, Object v) {
        if (v == null) {
            return null;
        }
        DateTimeFormatter f = DateFormats.java(s.format());
        try {
            return DateFormats.hasTime(s.format()) ? LocalDateTime.parse((String) v, f) : LocalDate.parse((String) v, f);
        } catch (RuntimeException e) {
            if (s.onFailure() == Step.CastPolicy.FAIL) {
                throw new IllegalArgumentException("Column '" + s.column() + "': \"" + v + "\" does not match the date format "
                        + s.format() + ".", e);
            }
            return null;
        }
    }

    private static Object datePart(Step.DatePart part, Object v) {
        if (v == null) {
            return null;
        }
        LocalDateTime t = v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v;
        return (long) switch (part) {
            case YEAR -> t.getYear();
            case QUARTER -> t.get(IsoFields.QUARTER_OF_YEAR);
            case MONTH -> t.getMonthValue();
            case DAY -> t.getDayOfMonth();
            case DAY_OF_WEEK -> t.get(ChronoField.DAY_OF_WEEK);
            case DAY_OF_YEAR -> t.getDayOfYear();
            case HOUR -> t.getHour();
            case MINUTE -> t.getMinute();
            case SECOND -> t.getSecond();
        };
    }

    private static Object fill(Step.FillMissing s, StepFit fit, Object v, ColumnType type) {
        StepFit.Fill f = s.method() == Step.FillMethod.CONSTANT ? new StepFit.Fill(null, s.constant()) : (StepFit.Fill) fit;
        if (f.number() != null) {
            return v == null ? f.number() : ((Number) v).doubleValue();
        }
        if (v != null || f.text() == null) {
            return v;
        }
        return Literals.parse(f.text(), type);
    }

    private static Double scale(Object v, StepFit.Scale s) {
        Double x = number(v);
        return x == null ? null : (x - s.center()) / s.scale();
    }

    private static Long bin(Object v, StepFit.Edges e) {
        Double x = number(v);
        if (x == null) {
            return null;
        }
        long n = 0;
        for (double edge : e.edges()) {
            if (x >= edge) {
                n++;
            }
        }
        return n;
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** A value as DuckDB casts it to VARCHAR. */
    static String text(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case LocalDateTime t -> t.format(DUCK_TIMESTAMP);
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> String.format(Locale.ROOT, "%.1f", d);
            default -> v.toString();
        };
    }

    private static Object mapText(Object v, java.util.function.UnaryOperator<String> f) {
        return v == null ? null : f.apply((String) v);
    }

    /** DuckDB's trim removes spaces only, not other whitespace. */
    private static String trimSpaces(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == ' ') {
            b--;
        }
        return s.substring(a, b);
    }
}
