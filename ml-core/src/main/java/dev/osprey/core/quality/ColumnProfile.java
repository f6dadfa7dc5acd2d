package dev.osprey.core.quality;

import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The statistics of one column. {@code min} and {@code max} are as text for every type;
 * {@code numeric} holds the moments, quantiles, skewness, IQR outliers and a histogram of a
 * numeric column; {@code topValues} the most frequent values of any other column.
 * {@code distinct} is exact up to {@link ColumnProfiler#EXACT_DISTINCT_MAX_ROWS} rows, else a
 * HyperLogLog estimate (within a few percent).
 */
public record ColumnProfile(String name, ColumnType type, ColumnRole role, long count, long missing, long distinct, Optional<String> min,
                            Optional<String> max, Optional<NumericStats> numeric, List<ValueCount> topValues) {
    public ColumnProfile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(role);
        Objects.requireNonNull(min);
        Objects.requireNonNull(max);
        Objects.requireNonNull(numeric);
        topValues = List.copyOf(topValues);
    }

    /** Rows in total (present + missing). */
    public long rows() {
        return count + missing;
    }

    public double missingShare() {
        return rows() == 0 ? 0 : (double) missing / rows();
    }

    /** One value at most (missing values aside): min and max agree, or nothing is present. */
    public boolean isConstant() {
        return count == 0 || min.equals(max);
    }

    /** A value and how many rows hold it. */
    public record ValueCount(String value, long count) {
        public ValueCount {
            Objects.requireNonNull(value);
        }
    }

    /**
     * Moments and quantiles (quartiles exact up to {@link ColumnProfiler#EXACT_QUANTILE_MAX_ROWS}
     * rows, else approximate), sample skewness, the count of values outside
     * [q1 - 1.5 IQR, q3 + 1.5 IQR], and an equal-width histogram from min to max.
     */
    public record NumericStats(double min, double max, double mean, double std, double q1, double median, double q3,
                               double skewness, long outliers, Histogram histogram) {
        public NumericStats {
            Objects.requireNonNull(histogram);
        }
    }

    /** {@code counts[i]} values fall in [edges[i], edges[i + 1]) (the last bin includes its right edge). */
    public record Histogram(double[] edges, long[] counts) {
        public Histogram {
            edges = edges.clone();
            counts = counts.clone();
            if (counts.length > 0 && edges.length != counts.length + 1) {
                throw new IllegalArgumentException(counts.length + " bins need " + (counts.length + 1) + " edges, not " + edges.length);
            }
        }

        public static Histogram empty() {
            return new Histogram(new double[0], new long[0]);
        }

        @Override
        public double[] edges() {
            return edges.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }
    }
}
