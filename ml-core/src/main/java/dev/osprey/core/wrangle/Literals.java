package dev.osprey.core.wrangle;

import dev.osprey.core.data.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Text values read as a column's type, the way DuckDB casts VARCHAR: used to check a value the user typed,
 * and by {@link RowTransform} to convert raw values like the SQL path does.
 */
final class Literals {
    private Literals() {
    }

    static boolean fits(String v, ColumnType t) {
        try {
            return parse(v, t) != null || v == null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code text} as a value of type {@code t} (Long, Double, Boolean, LocalDate, LocalDateTime, String).
     *
     * @throws IllegalArgumentException when it cannot be read as that type
     */
    static Object parse(String text, ColumnType t) {
        if (text == null) {
            return null;
        }
        String v = t == ColumnType.TEXT || t == ColumnType.CATEGORY ? text : text.strip();
        return switch (t) {
            // DuckDB rounds "1.5" to 2 when casting text to an integer: half away from zero.
            case INTEGER -> new BigDecimal(v).setScale(0, RoundingMode.HALF_UP).longValueExact();
            case DECIMAL -> parseDouble(v);
            case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "t", "1", "yes", "y" -> Boolean.TRUE;
                case "false", "f", "0", "no", "n" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean: " + v);
            };
            case DATE -> LocalDate.parse(v);
            case TIMESTAMP -> LocalDateTime.parse(v.replace(' ', 'T'));
            case CATEGORY, TEXT -> v;
        };
    }

    private static double parseDouble(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (lower.equals("inf") || lower.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("-inf") || lower.equals("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (lower.endsWith("d") || lower.endsWith("f")) {
            throw new IllegalArgumentException("not a number: " + v); // Java accepts these suffixes; DuckDB does not
        }
        return Double.parseDouble(v);
    }
}
