package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns between two steps, with lookups by name. */
record Schema(List<Column> columns) {
    Schema {
        columns = List.copyOf(columns);
    }

    Optional<Column> find(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    Column get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(missing(name)));
    }

    boolean has(String name) {
        return find(name).isPresent();
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** "there is no column 'agee' (columns: a, b, c)" with a close name suggested when there is one. */
    String missing(String name) {
        Optional<String> close = columns.stream().map(Column::name)
                .filter(n -> n.equalsIgnoreCase(name) || n.strip().equals(name.strip())).findFirst();
        if (close.isPresent()) {
            return "there is no column '" + name + "'; did you mean '" + close.get() + "'?";
        }
        String all = columns.size() <= 12 ? String.join(", ", names())
                : columns.stream().limit(12).map(Column::name).collect(Collectors.joining(", ")) + ", ...";
        return "there is no column '" + name + "' (the columns are: " + all + ").";
    }

    /** A column for the schema of a step's output. */
    static Column column(String name, ColumnType type) {
        return new Column(name, name, type, ColumnRole.FEATURE, 0, 0);
    }

    /**
     * The logical type of a DuckDB type. VARCHAR keeps CATEGORY or TEXT from the column of the same name
     * before the step; a new text column is TEXT.
     */
    static ColumnType logical(String duckType, Optional<Column> before) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.endsWith("INT") || t.equals("INTEGER") || t.equals("BIGINT") || t.equals("HUGEINT") || t.startsWith("UINT")
                || t.equals("UBIGINT") || t.equals("UHUGEINT")) {
            return ColumnType.INTEGER;
        }
        if (t.equals("DOUBLE") || t.equals("FLOAT") || t.startsWith("DECIMAL") || t.equals("REAL")) {
            return ColumnType.DECIMAL;
        }
        if (t.equals("BOOLEAN")) {
            return ColumnType.BOOLEAN;
        }
        if (t.equals("DATE")) {
            return ColumnType.DATE;
        }
        if (t.startsWith("TIMESTAMP")) {
            return ColumnType.TIMESTAMP;
        }
        if (before.isPresent() && before.get().type() == ColumnType.CATEGORY) {
            return ColumnType.CATEGORY;
        }
        return ColumnType.TEXT;
    }
}
