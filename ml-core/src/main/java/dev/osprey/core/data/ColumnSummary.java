package dev.osprey.core.data;

import java.util.List;
import java.util.Objects;

/**
 * What the data grid shows about one column: counts, the usual statistics for numbers, a
 * histogram of equal-width bins (numbers) and the most frequent values (everything else).
 * Statistics that do not apply are null; lists that do not apply are empty.
 */
public record ColumnSummary(String name, ColumnType type, long rows, long missing, long distinct,
                            Double min, Double max, Double mean, Double std, Double median,
                            List<Long> histogram, List<TopValue> topValues) {
    public ColumnSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        histogram = List.copyOf(histogram);
        topValues = List.copyOf(topValues);
    }

    /** A value and how many rows hold it. */
    public record TopValue(String value, long count) {
    }

    /** The share of rows where the value is missing, 0..1. */
    public double missingShare() {
        return rows == 0 ? 0 : (double) missing / rows;
    }

    /** The width of one histogram bin, or 0 without a histogram. */
    public double binWidth() {
        return histogram.isEmpty() || min == null || max == null ? 0 : (max - min) / histogram.size();
    }
}
