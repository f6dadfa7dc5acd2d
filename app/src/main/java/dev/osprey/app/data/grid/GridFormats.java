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
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** INTEGER -> "Integer". */
    public static String type(ColumnType type) {
        return type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
