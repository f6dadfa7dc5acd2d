package dev.osprey.app.data.grid;

import dev.osprey.core.data.ColumnType;

import java.util.Locale;

/**
 * Counts and type names as the grid and the recipe write them, the same way as the rest of the
 * Data page (kept here so the grid does not depend back on the page's package).
 */
public final class GridFormats {
    private GridFormats() {
    }

    /** 1234567 -> "1,234,567". */
    public static String count(long n) {
        // by hand, not String.format: the grid's row-number cells call this on every scrolled frame
        String digits = Long.toString(Math.abs(n));
        if (n == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            sb.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return sb.toString();
    }

    /** INTEGER -> "Integer". */
    public static String type(ColumnType type) {
        return type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
