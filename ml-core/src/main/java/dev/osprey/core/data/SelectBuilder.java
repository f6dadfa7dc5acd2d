package dev.osprey.core.data;

import dev.osprey.core.data.ReadOptions.SourceColumn;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The SELECT that reads a dataset with the user's schema on top of the stored read: each
 * column renamed ({@code "src" AS "name"}) and cast to its logical type when that differs
 * from how the file is read.
 */
final class SelectBuilder {
    private SelectBuilder() {
    }

    static String select(ReadOptions options, Path location, List<Column> columns) {
        if (columns.size() != options.columns().size()) {
            throw new IllegalArgumentException("the dataset has " + options.columns().size() + " columns in its file, not "
                    + columns.size());
        }
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            SourceColumn src = options.column(col.sourceName());
            sb.append(i == 0 ? "" : ", ").append(expression(src, col.type())).append(" AS ").append(Sql.ident(col.name()));
        }
        return sb.append(" FROM ").append(options.tableFunction(location)).toString();
    }

    static String expression(SourceColumn src, ColumnType type) {
        String id = Sql.ident(src.name());
        return sameType(src.sqlType(), type.sqlType()) ? id : "CAST(" + id + " AS " + type.sqlType() + ")";
    }

    static boolean sameType(String physical, String logical) {
        String p = physical.toUpperCase(Locale.ROOT);
        return p.equals(logical);
    }
}
