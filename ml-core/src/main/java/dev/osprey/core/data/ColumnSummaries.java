package dev.osprey.core.data;

import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes every column's {@link ColumnSummary} in two statements over a table expression: one
 * for counts and statistics, one (knowing min and max) for histograms and top values. Both run
 * over the grid's Parquet snapshot, where each column is read on its own.
 */
final class ColumnSummaries {
    static final int BINS = 20;
    static final int TOP = 5;

    private ColumnSummaries() {
    }

    static List<ColumnSummary> compute(DuckDBConnection c, String from, List<Column> columns, JobContext ctx)
            throws SQLException {
        int n = columns.size();
        StringBuilder stats = new StringBuilder("SELECT count(*)");
        for (Column col : columns) {
            String id = Sql.ident(col.name());
            stats.append(", count(").append(id).append("), approx_count_distinct(").append(id).append(')');
            if (col.type().isNumeric()) {
                String d = "CAST(" + id + " AS DOUBLE)";
                stats.append(", min(").append(d).append("), max(").append(d).append("), avg(").append(d)
                        .append("), stddev_samp(").append(d).append("), approx_quantile(").append(d).append(", 0.5)");
            }
        }
        stats.append(" FROM ").append(from);
        long rows;
        long[] present = new long[n];
        long[] distinct = new long[n];
        Double[][] numbers = new Double[n][];
        Object[] out = Query.run(c, stats.toString(), ctx, p -> ctx.progress(p / 2, "Counting"), r -> {
            r.next();
            Object[] values = new Object[r.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.getObject(i + 1);
            }
            return values;
        });
        rows = ((Number) out[0]).longValue();
        int k = 1;
        for (int i = 0; i < n; i++) {
            present[i] = ((Number) out[k++]).longValue();
            distinct[i] = ((Number) out[k++]).longValue();
            if (columns.get(i).type().isNumeric()) {
                numbers[i] = new Double[5];
                for (int j = 0; j < 5; j++) {
                    Object v = out[k++];
                    numbers[i][j] = v == null ? null : ((Number) v).doubleValue();
                }
            }
        }
        List<List<Long>> histograms = new ArrayList<>();
        List<List<ColumnSummary.TopValue>> tops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            histograms.add(new ArrayList<>());
            tops.add(new ArrayList<>());
        }
        String shapes = shapesSql(from, columns, numbers);
        if (shapes != null) {
            Query.run(c, shapes, ctx, p -> ctx.progress(0.5 + p / 2, "Drawing histograms"), r -> {
                long[][] bins = new long[n][];
                while (r.next()) {
                    int col = r.getInt(1);
                    if (columns.get(col).type().isNumeric()) {
                        if (bins[col] == null) {
                            bins[col] = new long[BINS];
                        }
                        int b = r.getInt(2);
                        bins[col][Math.clamp(b, 0, BINS - 1)] += r.getLong(4);
                    } else {
                        tops.get(col).add(new ColumnSummary.TopValue(r.getString(3), r.getLong(4)));
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (bins[i] != null) {
                        for (long b : bins[i]) {
                            histograms.get(i).add(b);
                        }
                    }
                }
                return null;
            });
        }
        List<ColumnSummary> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Column col = columns.get(i);
            Double[] s = numbers[i] == null ? new Double[5] : numbers[i];
            List<ColumnSummary.TopValue> top = new ArrayList<>(tops.get(i));
            top.sort((a, b) -> Long.compare(b.count(), a.count()));
            result.add(new ColumnSummary(col.name(), col.type(), rows, rows - present[i], distinct[i],
                    s[0], s[1], s[2], s[3], s[4], histograms.get(i), top));
        }
        return result;
    }

    /** One UNION ALL: (column, bin, NULL, count) rows for numbers, (column, NULL, value, count) for the rest. */
    private static String shapesSql(String from, List<Column> columns, Double[][] numbers) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            String id = Sql.ident(col.name());
            if (col.type().isNumeric()) {
                Double min = numbers[i][0];
                Double max = numbers[i][1];
                if (min == null || max == null) {
                    continue;
                }
                double width = max > min ? (max - min) / BINS : 1;
                parts.add("SELECT " + i + " AS col, least(" + (BINS - 1) + ", CAST(floor((CAST(" + id + " AS DOUBLE) - ("
                          + min + ")) / " + width + ") AS BIGINT)) AS bin, NULL::VARCHAR AS val, count(*) AS n FROM "
                          + from + " WHERE " + id + " IS NOT NULL GROUP BY bin");
            } else {
                parts.add("SELECT * FROM (SELECT " + i + " AS col, NULL::BIGINT AS bin, CAST(" + id
                          + " AS VARCHAR) AS val, count(*) AS n FROM " + from + " WHERE " + id
                          + " IS NOT NULL GROUP BY val ORDER BY n DESC, val LIMIT " + TOP + ")");
            }
        }
        return parts.isEmpty() ? null : String.join(" UNION ALL ", parts);
    }
}
