package dev.osprey.server;

import dev.osprey.core.data.ColumnType;
import dev.osprey.server.http.HttpStatusException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one input value against its column's type before the model sees it, so a request
 * with a wrong type or a non-finite number gets a 400 naming the row and column instead of a
 * silently imputed value. Numbers become {@code Double}; a missing value (empty cell, JSON null)
 * stays null, which the model replaces by the training median or "no category".
 */
final class Cells {
    private Cells() {
    }

    /** A CSV cell (never null). */
    static Object fromText(String s, LoadedModel m, int col, int row) throws HttpStatusException {
        if (s.isEmpty()) {
            return null;
        }
        ColumnType t = m.types()[col];
        if (t == ColumnType.INTEGER || t == ColumnType.DECIMAL) {
            return number(s, m, col, row);
        }
        return s.isBlank() ? null : s;
    }

    /** A value parsed from JSON: String, Long, Double, Boolean, null, or a nested Map/List (refused). */
    static Object fromJson(Object v, LoadedModel m, int col, int row) throws HttpStatusException {
        ColumnType t = m.types()[col];
        return switch (v) {
            case null -> null;
            case String s -> fromText(s, m, col, row);
            case Number n when t == ColumnType.INTEGER || t == ColumnType.DECIMAL -> finite(n.doubleValue(), n.toString(), m, col, row);
            case Number n -> n;
            case Boolean b when t == ColumnType.INTEGER || t == ColumnType.DECIMAL -> throw wrongType(b.toString(), m, col, row);
            case Boolean b -> b;
            case Map<?, ?> ignored -> throw new HttpStatusException(400, where(m, col, row) + " holds an object; give a single value.");
            case List<?> ignored -> throw new HttpStatusException(400, where(m, col, row) + " holds an array; give a single value.");
            default -> throw wrongType(v.toString(), m, col, row);
        };
    }

    private static Double number(String s, LoadedModel m, int col, int row) throws HttpStatusException {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw wrongType(t, m, col, row);
        }
        return finite(d, t, m, col, row);
    }

    private static Double finite(double d, String shown, LoadedModel m, int col, int row) throws HttpStatusException {
        // Double.parseDouble also reads "NaN", "Infinity" and "0x1p3"; only plain finite numbers are data.
        if (!Double.isFinite(d) || shown.indexOf('N') >= 0 || shown.indexOf('n') >= 0 || shown.indexOf('x') >= 0) {
            throw new HttpStatusException(400, where(m, col, row) + " is '" + clip(shown) + "', not a finite number"
                    + " (leave it empty for a missing value).");
        }
        return d;
    }

    private static HttpStatusException wrongType(String value, LoadedModel m, int col, int row) {
        return new HttpStatusException(400, where(m, col, row) + " expects " + typeName(m.types()[col]) + ", not '"
                + clip(value) + "'.");
    }

    static String where(LoadedModel m, int col, int row) {
        return "Row " + row + ", column '" + m.inputNames()[col] + "'";
    }

    static String typeName(ColumnType t) {
        return switch (t) {
            case INTEGER, DECIMAL -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (YYYY-MM-DD)";
            case TIMESTAMP -> "a timestamp (YYYY-MM-DD HH:MM:SS)";
            default -> "a " + t.name().toLowerCase(Locale.ROOT) + " value";
        };
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
