package dev.osprey.core.quality;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.quality.ColumnProfile.Histogram;
import dev.osprey.core.quality.ColumnProfile.NumericStats;
import dev.osprey.core.quality.ColumnProfile.ValueCount;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.osprey.core.quality.DuckSession.TABLE;
import static dev.osprey.core.quality.DuckSession.ident;

/**
 * Per-column statistics in two aggregate passes over the session's table (one for counts,
 * moments and quantiles of every column; one for the histograms and outlier counts, which need
 * the first pass's range and quartiles) plus a small GROUP BY per non-numeric column for its top
 * values.
 */
final class ColumnProfiler {
    /** Up to this many rows distinct counts are exact; above, HyperLogLog (exact is a hash table per column). */
    static final long EXACT_DISTINCT_MAX_ROWS = 200_000;
    /** Up to this many rows quartiles are exact; above, DuckDB's t-digest (exact is a sort per column). */
    static final long EXACT_QUANTILE_MAX_ROWS = 200_000;
    static final int BINS = 20;
    static final int TOP_VALUES = 5;

    record Result(long rows, List<ColumnProfile> columns) {
    }

    private ColumnProfiler() {
    }

    static boolean numeric(ColumnType t) {
        return t.isNumeric();
    }

    static Result profile(DuckSession s, List<Column> columns, long expectedRows) throws SQLException {
        boolean exactDistinct = expectedRows <= EXACT_DISTINCT_MAX_ROWS;
        boolean exactQuantiles = expectedRows <= EXACT_QUANTILE_MAX_ROWS;
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (Column c : columns) {
            String id = ident(c.name());
            sql.append(", count(").append(id).append(')');
            sql.append(exactDistinct ? ", count(DISTINCT " : ", approx_count_distinct(").append(id).append(')');
            if (numeric(c.type())) {
                String d = id + "::DOUBLE";
                sql.append(", min(").append(d).append("), max(").append(d).append("), avg(").append(d)
                        .append("), stddev_samp(").append(d).append("), skewness(").append(d).append(')')
                        .append(exactQuantiles ? ", quantile_cont(" : ", approx_quantile(").append(d)
                        .append(", [0.25, 0.5, 0.75])");
            } else {
                sql.append(", min(").append(id).append(")::VARCHAR, max(").append(id).append(")::VARCHAR");
            }
        }
        sql.append(" FROM ").append(TABLE);
        List<Partial> partials = new ArrayList<>();
        long rows = s.query(sql.toString(), rs -> {
            rs.next();
            int k = 1;
            long n = rs.getLong(k++);
            for (Column c : columns) {
                long count = rs.getLong(k++);
                long distinct = rs.getLong(k++);
                if (numeric(c.type())) {
                    double[] q = quartiles(rs.getArray(k + 5));
                    partials.add(new Partial(c, count, n - count, Math.min(distinct, count), null, null,
                            new double[]{dbl(rs, k), dbl(rs, k + 1), dbl(rs, k + 2), dbl(rs, k + 3), dbl(rs, k + 4),
                                    q[0], q[1], q[2]}));
                    k += 6;
                } else {
                    partials.add(new Partial(c, count, n - count, Math.min(distinct, count), rs.getString(k),
                            rs.getString(k + 1), null));
                    k += 2;
                }
            }
            return n;
        });
        List<NumericExtras> extras = numericExtras(s, partials);
        List<ColumnProfile> out = new ArrayList<>();
        int e = 0;
        for (Partial p : partials) {
            if (p.moments != null) {
                NumericExtras x = extras.get(e++);
                double[] m = p.moments;
                boolean any = p.count > 0;
                Optional<NumericStats> stats = any ? Optional.of(new NumericStats(m[0], m[1], m[2], m[3], m[5], m[6], m[7],
                        m[4], x.outliers, x.histogram)) : Optional.empty();
                out.add(new ColumnProfile(p.column.name(), p.column.type(), p.column.role(), p.count, p.missing, p.distinct,
                        any ? Optional.of(QualityFormat.number(m[0])) : Optional.empty(),
                        any ? Optional.of(QualityFormat.number(m[1])) : Optional.empty(), stats, List.of()));
            } else {
                out.add(new ColumnProfile(p.column.name(), p.column.type(), p.column.role(), p.count, p.missing, p.distinct,
                        Optional.ofNullable(p.min), Optional.ofNullable(p.max), Optional.empty(), topValues(s, p.column.name())));
            }
        }
        return new Result(rows, out);
    }

    /** What the first pass read of one column: numeric columns get {@code moments} (min, max, mean, std, skew, q1, q2, q3). */
    private record Partial(Column column, long count, long missing, long distinct, String min, String max, double[] moments) {
    }

    private record NumericExtras(long outliers, Histogram histogram) {
    }

    /** The second pass: for each numeric column, equal-width bins from min to max and the IQR outliers. */
    private static List<NumericExtras> numericExtras(DuckSession s, List<Partial> partials) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT 0");
        List<Partial> numeric = partials.stream().filter(p -> p.moments != null).toList();
        boolean anyQuery = false;
        for (Partial p : numeric) {
            double[] m = p.moments;
            if (p.count == 0 || !(m[1] > m[0])) {
                continue;
            }
            anyQuery = true;
            String d = ident(p.column.name()) + "::DOUBLE";
            double width = (m[1] - m[0]) / BINS;
            sql.append(", histogram(least(CAST(floor((").append(d).append(" - ").append(lit(m[0])).append(") / ")
                    .append(lit(width)).append(") AS INTEGER), ").append(BINS - 1).append("))::VARCHAR");
            double iqr = m[7] - m[5];
            if (iqr > 0) {
                sql.append(", count_if(").append(d).append(" < ").append(lit(m[5] - 1.5 * iqr)).append(" OR ").append(d)
                        .append(" > ").append(lit(m[7] + 1.5 * iqr)).append(')');
            } else {
                sql.append(", 0");
            }
        }
        sql.append(" FROM ").append(TABLE);
        List<NumericExtras> out = new ArrayList<>();
        String query = anyQuery ? sql.toString() : "SELECT 0";
        s.query(query, rs -> {
            rs.next();
            int k = 2;
            for (Partial p : numeric) {
                double[] m = p.moments;
                if (p.count == 0) {
                    out.add(new NumericExtras(0, Histogram.empty()));
                } else if (!(m[1] > m[0])) {
                    out.add(new NumericExtras(0, new Histogram(new double[]{m[0], m[1]}, new long[]{p.count})));
                } else {
                    long[] counts = parseBins(rs.getString(k++));
                    long outliers = rs.getLong(k++);
                    double[] edges = new double[BINS + 1];
                    for (int i = 0; i <= BINS; i++) {
                        edges[i] = i == BINS ? m[1] : m[0] + i * (m[1] - m[0]) / BINS;
                    }
                    out.add(new NumericExtras(outliers, new Histogram(edges, counts)));
                }
            }
            return null;
        });
        return out;
    }

    /** DuckDB's histogram map as text, {@code {0=12, 3=5}}, into counts per bin. */
    static long[] parseBins(String map) {
        long[] counts = new long[BINS];
        if (map == null) {
            return counts;
        }
        String body = map.strip();
        body = body.substring(1, body.length() - 1).strip();
        if (body.isEmpty()) {
            return counts;
        }
        for (String entry : body.split(",")) {
            String[] kv = entry.split("=");
            int bin = Integer.parseInt(kv[0].strip());
            counts[Math.max(0, Math.min(BINS - 1, bin))] += Long.parseLong(kv[1].strip());
        }
        return counts;
    }

    private static List<ValueCount> topValues(DuckSession s, String column) throws SQLException {
        String id = ident(column);
        String sql = "SELECT " + id + "::VARCHAR AS v, count(*) AS n FROM " + TABLE + " WHERE " + id
                + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP_VALUES;
        return s.query(sql, rs -> {
            List<ValueCount> top = new ArrayList<>();
            while (rs.next()) {
                top.add(new ValueCount(rs.getString(1), rs.getLong(2)));
            }
            return top;
        });
    }

    private static double[] quartiles(Array a) throws SQLException {
        if (a == null) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        Object[] values = (Object[]) a.getArray();
        double[] q = new double[3];
        for (int i = 0; i < 3; i++) {
            q[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
        }
        return q;
    }

    private static double dbl(ResultSet rs, int k) throws SQLException {
        double v = rs.getDouble(k);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static String lit(double v) {
        return Double.toString(v) + "::DOUBLE";
    }
}
