package dev.osprey.core.train;

import dev.osprey.core.data.ColumnType;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One input a model expects: its name, type and, for one-hot encoded columns, the categories it
 * learned (other values count as "other" when {@code hasOther}, else as missing).
 * {@code median} replaces a missing numeric value.
 */
public record SignatureColumn(String name, ColumnType type, boolean oneHot, List<String> categories, boolean hasOther,
                              double median) implements Serializable {
    public SignatureColumn {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        categories = List.copyOf(categories);
    }

    /** How many encoded features this column becomes. */
    public int width() {
        return oneHot ? categories.size() + (hasOther ? 1 : 0) : 1;
    }
}
