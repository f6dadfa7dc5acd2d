package dev.osprey.core.data;

import dev.osprey.core.data.ReadOptions.SourceColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Logical column types and default roles from DuckDB types and the import pass's counts. */
final class SchemaInference {
    /** A text column with at most this many distinct values (and fewer than half the rows) is a category. */
    static final long MAX_CATEGORIES = 50;

    private SchemaInference() {
    }

    static List<Column> infer(List<SourceColumn> columns, Scan.Stats stats) {
        List<Column> out = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            SourceColumn sc = columns.get(i);
            long missing = stats.missing()[i];
            long distinct = stats.exactDistinct()[i] >= 0 ? stats.exactDistinct()[i] : stats.approxDistinct()[i];
            ColumnType type = typeOf(sc.sqlType(), distinct, stats.rows());
            ColumnRole role = isId(sc.name(), type, missing, stats, i) ? ColumnRole.ID : ColumnRole.FEATURE;
            String name = displayName(sc.name());
            for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = displayName(sc.name()) + "_" + k;
            }
            out.add(new Column(name, sc.name(), type, role, missing, distinct));
        }
        return out;
    }

    static ColumnType typeOf(String sqlType, long distinct, long rows) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        if (t.startsWith("ENUM")) {
            return ColumnType.CATEGORY;
        }
        if (t.startsWith("DECIMAL")) {
            return ColumnType.DECIMAL;
        }
        if (t.startsWith("TIMESTAMP")) {
            return ColumnType.TIMESTAMP;
        }
        return switch (t) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER" -> ColumnType.INTEGER;
            case "UBIGINT", "HUGEINT", "UHUGEINT", "FLOAT", "DOUBLE" -> ColumnType.DECIMAL;
            case "BOOLEAN" -> ColumnType.BOOLEAN;
            case "DATE" -> ColumnType.DATE;
            case "VARCHAR" -> distinct <= MAX_CATEGORIES && distinct * 2 < rows ? ColumnType.CATEGORY : ColumnType.TEXT;
            default -> ColumnType.TEXT; // TIME, INTERVAL, BLOB, UUID, JSON: shown and used as text
        };
    }

    private static boolean isId(String name, ColumnType type, long missing, Scan.Stats stats, int i) {
        if (!Scan.idLike(name) || missing > 0 || !(type == ColumnType.INTEGER || type == ColumnType.TEXT)) {
            return false;
        }
        long exact = stats.exactDistinct()[i];
        if (exact >= 0) {
            return exact == stats.rows();
        }
        // Too big to count exactly at import: HyperLogLog is within a few percent.
        return stats.approxDistinct()[i] >= stats.rows() * 0.97;
    }

    private static String displayName(String sourceName) {
        String n = sourceName.isBlank() ? "column" : sourceName.strip();
        return n.length() > 255 ? n.substring(0, 255) : n;
    }
}
