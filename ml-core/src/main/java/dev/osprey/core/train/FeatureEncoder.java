package dev.osprey.core.train;

import dev.osprey.core.data.ColumnType;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns raw rows into the numeric vectors every algorithm sees; the same object encodes the
 * training rows and, inside the model file, every row predicted later. The one encoding:
 * numbers as they are (missing: the training median); dates as days and timestamps as seconds
 * since 1970; CATEGORY, TEXT and BOOLEAN one-hot over the learned categories, an unseen value
 * counting as "other" (when the column had more categories than kept) and a missing value as
 * all zeros.
 */
public final class FeatureEncoder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<SignatureColumn> columns;

    FeatureEncoder(List<SignatureColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<SignatureColumn> columns() {
        return columns;
    }

    /** The names of the encoded features: the column name, or {@code column=value} for one-hot features. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (SignatureColumn c : columns) {
            if (c.oneHot()) {
                for (String v : c.categories()) {
                    names.add(c.name() + "=" + v);
                }
                if (c.hasOther()) {
                    names.add(c.name() + "=(other)");
                }
            } else {
                names.add(c.name());
            }
        }
        return names;
    }

    /** For each input column, the index of its first encoded feature (and the total at the end). */
    int[] offsets() {
        int[] out = new int[columns.size() + 1];
        for (int i = 0; i < columns.size(); i++) {
            out[i + 1] = out[i] + columns.get(i).width();
        }
        return out;
    }

    public int width() {
        return offsets()[columns.size()];
    }

    /** Encodes a row given in signature order. */
    public double[] encode(Object[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("The model expects " + columns.size() + " values "
                    + columns.stream().map(SignatureColumn::name).toList() + ", not " + row.length);
        }
        double[] x = new double[width()];
        int at = 0;
        for (int i = 0; i < columns.size(); i++) {
            SignatureColumn c = columns.get(i);
            if (c.oneHot()) {
                String v = category(row[i]);
                if (v != null) {
                    int idx = c.categories().indexOf(v);
                    if (idx >= 0) {
                        x[at + idx] = 1;
                    } else if (c.hasOther()) {
                        x[at + c.categories().size()] = 1;
                    }
                }
            } else {
                double d = number(c, row[i]);
                x[at] = Double.isNaN(d) ? c.median() : d;
            }
            at += c.width();
        }
        return x;
    }

    /** Encodes a row given by column name; absent names count as missing, other names are ignored. */
    public double[] encode(Map<String, ?> row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(columns.get(i).name());
        }
        return encode(values);
    }

    /** A raw value as the text of a category; booleans as "true"/"false", whole numbers without ".0". */
    static String category(Object v) {
        return switch (v) {
            case null -> null;
            case Boolean b -> b.toString();
            case Double d when d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            case Float f when f == Math.rint(f) && !f.isInfinite() && Math.abs(f) < 1e15 -> Long.toString(f.longValue());
            default -> v.toString();
        };
    }

    /** A raw value of a numeric (or date) column as a double; NaN when missing. */
    static double number(SignatureColumn c, Object v) {
        return switch (v) {
            case null -> Double.NaN;
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case LocalDate d -> d.toEpochDay();
            case LocalDateTime t -> t.toEpochSecond(ZoneOffset.UTC);
            case java.time.Instant t -> t.getEpochSecond();
            case String s when s.isBlank() -> Double.NaN;
            case String s -> parse(c, s.strip());
            default -> throw new IllegalArgumentException("The column '" + c.name() + "' expects "
                    + c.type().name().toLowerCase(Locale.ROOT) + " values, not " + v.getClass().getSimpleName());
        };
    }

    private static double parse(SignatureColumn c, String s) {
        try {
            if (c.type() == ColumnType.DATE) {
                return LocalDate.parse(s).toEpochDay();
            }
            if (c.type() == ColumnType.TIMESTAMP) {
                return LocalDateTime.parse(s.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
            }
            return Double.parseDouble(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The column '" + c.name() + "' expects a "
                    + (c.type().isNumeric() ? "number" : c.type().name().toLowerCase(Locale.ROOT)) + ", not '" + s + "'");
        }
    }
}
