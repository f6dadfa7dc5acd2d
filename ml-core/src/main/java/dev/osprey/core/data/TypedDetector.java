package dev.osprey.core.data;

import dev.osprey.core.data.ReadOptions.SourceColumn;
import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Schemas of self-describing formats. Parquet carries its schema. JSON has none, so its types
 * are inferred from every record (sample_size=-1: a key that first appears late is not
 * dropped), and the result is stored so later reads are the same.
 */
final class TypedDetector {
    private TypedDetector() {
    }

    static ReadOptions parquet(DuckDBConnection c, Path file) throws ImportException {
        try {
            return new ReadOptions(DataFormat.PARQUET, Map.of(),
                    describe(c, "read_parquet(" + Sql.literal(file.toAbsolutePath().toString()) + ")", false));
        } catch (SQLException e) {
            throw DuckErrors.translate(e, DataFormat.PARQUET);
        }
    }

    static ReadOptions json(DuckDBConnection c, Path file, DataFormat format, FileProbe probe, JobContext context,
                            DoubleConsumer progress) throws ImportException {
        Map<String, String> params = new LinkedHashMap<>();
        String t = probe.text().stripLeading();
        if (format == DataFormat.JSONL) {
            params.put("format", "newline_delimited");
        } else if (t.startsWith("[")) {
            params.put("format", "array");
        } else if (t.startsWith("{")) {
            params.put("format", "unstructured");
        } else {
            String start = t.isEmpty() ? "" : t.substring(0, Math.min(20, t.length())).lines().findFirst().orElse("");
            throw new ImportException("Line 1: this is not JSON; it starts with '" + start + "' instead of '[' or '{'.", 1, null);
        }
        params.put("compression", probe.gzip() ? "gzip" : "none");
        StringBuilder fn = new StringBuilder("read_json(").append(Sql.literal(file.toAbsolutePath().toString()));
        params.forEach((k, v) -> fn.append(", ").append(k).append('=').append(Sql.literal(v)));
        fn.append(", sample_size=-1)");
        try {
            List<SourceColumn> cols = Query.run(c, "DESCRIBE SELECT * FROM " + fn, context, progress, rs -> {
                List<SourceColumn> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new SourceColumn(rs.getString(1), flatten(rs.getString(2))));
                }
                return out;
            });
            return new ReadOptions(format, params, cols);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, format);
        }
    }

    private static List<SourceColumn> describe(DuckDBConnection c, String tableFunction, boolean flattenNested) throws SQLException {
        List<SourceColumn> out = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery("DESCRIBE SELECT * FROM " + tableFunction)) {
            while (rs.next()) {
                out.add(new SourceColumn(rs.getString(1), flattenNested ? flatten(rs.getString(2)) : rs.getString(2)));
            }
        }
        return out;
    }

    /** Nested JSON values (objects, arrays) are kept as JSON text rather than as DuckDB structs. */
    private static String flatten(String type) {
        if (type.startsWith("STRUCT") || type.startsWith("MAP") || type.endsWith("]")) {
            return "JSON";
        }
        return type;
    }
}
