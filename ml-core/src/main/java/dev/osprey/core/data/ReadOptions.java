package dev.osprey.core.data;

import dev.osprey.core.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exactly how a dataset's file is read: the DuckDB table function's parameters and the columns
 * with their physical DuckDB types, as detected at import. Stored in the catalog so every later
 * read is the same read, with no sniffing.
 */
record ReadOptions(DataFormat format, Map<String, String> params, List<SourceColumn> columns) {
    /** Parameters written without quotes (booleans and numbers). */
    private static final Set<String> RAW = Set.of("header", "skip", "strict_mode", "null_padding", "auto_detect");

    /** A column as the file holds it: its name there and the DuckDB type it is read as. */
    record SourceColumn(String name, String sqlType) {
    }

    ReadOptions {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        columns = List.copyOf(columns);
    }

    ReadOptions withColumns(List<SourceColumn> newColumns) {
        return new ReadOptions(format, params, newColumns);
    }

    SourceColumn column(String sourceName) {
        for (SourceColumn c : columns) {
            if (c.name().equals(sourceName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("the file has no column '" + sourceName + "'");
    }

    /** The DuckDB table function call that reads {@code file} with these options. */
    String tableFunction(Path file) {
        String path = Sql.literal(file.toAbsolutePath().toString());
        StringBuilder sb = new StringBuilder();
        switch (format) {
            case PARQUET -> {
                return "read_parquet(" + path + ")";
            }
            case JSON, JSONL -> sb.append("read_json(").append(path);
            default -> sb.append("read_csv(").append(path).append(", auto_detect=false");
        }
        for (var e : params.entrySet()) {
            sb.append(", ").append(e.getKey()).append('=')
                    .append(RAW.contains(e.getKey()) ? e.getValue() : Sql.literal(e.getValue()));
        }
        sb.append(", columns={");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Sql.literal(columns.get(i).name())).append(": ").append(Sql.literal(columns.get(i).sqlType()));
        }
        return sb.append("})").toString();
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1L);
        root.put("format", format.name());
        root.put("params", new LinkedHashMap<>(params));
        List<Object> cols = new ArrayList<>();
        for (SourceColumn c : columns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("type", c.sqlType());
            cols.add(m);
        }
        root.put("columns", cols);
        return Json.write(root);
    }

    @SuppressWarnings("unchecked")
    static ReadOptions fromJson(String json) {
        Map<String, Object> root = (Map<String, Object>) Json.parse(json);
        DataFormat format = DataFormat.valueOf((String) root.get("format"));
        Map<String, String> params = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("params")).forEach((k, v) -> params.put(k, (String) v));
        List<SourceColumn> cols = new ArrayList<>();
        for (Object o : (List<Object>) root.get("columns")) {
            Map<String, Object> m = (Map<String, Object>) o;
            cols.add(new SourceColumn((String) m.get("name"), (String) m.get("type")));
        }
        return new ReadOptions(format, params, cols);
    }
}
