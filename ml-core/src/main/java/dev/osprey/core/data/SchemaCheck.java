package dev.osprey.core.data;

import dev.osprey.core.data.ReadOptions.SourceColumn;
import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a schema edit before it is saved: same columns in the same order, unique names, one
 * target at most, and every new type castable for every value in the file (one pass that
 * finds an example of a value that does not fit).
 */
final class SchemaCheck {
    private SchemaCheck() {
    }

    static List<Column> validate(Dataset current, List<Column> edited) throws DataException {
        List<Column> old = current.columns();
        if (edited == null || edited.size() != old.size()) {
            throw new DataException("The schema of '" + current.name() + "' must keep its " + old.size()
                    + " columns in the same order.");
        }
        Set<String> names = new HashSet<>();
        int targets = 0;
        List<Column> merged = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            Column e = edited.get(i);
            Column o = old.get(i);
            if (!e.sourceName().equals(o.sourceName())) {
                throw new DataException("Column " + (i + 1) + " must stay '" + o.name() + "' (from '" + o.sourceName()
                        + "'); columns cannot be added, removed or reordered here.");
            }
            String name = e.name().strip();
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new DataException("Two columns are named '" + name + "'; column names must be unique.");
            }
            if (e.role() == ColumnRole.TARGET) {
                targets++;
            }
            merged.add(new Column(name, o.sourceName(), e.type(), e.role(), o.missing(), o.distinct()));
        }
        if (targets > 1) {
            throw new DataException("Only one column can be the target.");
        }
        return merged;
    }

    /** Refuses a type change that some value in the file cannot take, naming the column and the value. */
    static void checkCasts(DuckDBConnection c, ReadOptions options, Path location, Dataset current, List<Column> edited,
                           JobContext context) throws DataException {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < edited.size(); i++) {
            SourceColumn src = options.column(edited.get(i).sourceName());
            if (edited.get(i).type() != current.columns().get(i).type()
                    && !SelectBuilder.sameType(src.sqlType(), edited.get(i).type().sqlType())) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        String from = options.tableFunction(location);
        for (int i : changed) {
            bindCheck(c, options.column(edited.get(i).sourceName()), edited.get(i), from);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int k = 0; k < changed.size(); k++) {
            Column col = edited.get(changed.get(k));
            String id = Sql.ident(col.sourceName());
            String target = col.type().sqlType();
            String bad = id + " IS NOT NULL AND (TRY_CAST(" + id + " AS " + target + ") IS NULL";
            if (col.type() == ColumnType.INTEGER) {
                // DuckDB rounds 2.5 to 3 when casting to an integer; a fraction is not a whole number.
                bad += " OR TRY_CAST(" + id + " AS DOUBLE) <> TRY_CAST(" + id + " AS BIGINT)";
            }
            bad += ")";
            sql.append(k == 0 ? "" : ", ").append("any_value(CASE WHEN ").append(bad).append(" THEN CAST(").append(id)
                    .append(" AS VARCHAR) END)");
        }
        sql.append(" FROM ").append(from);
        try {
            String[] examples = Query.run(c, sql.toString(), context, f -> { }, rs -> {
                rs.next();
                String[] out = new String[changed.size()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = rs.getString(k + 1);
                }
                return out;
            });
            for (int k = 0; k < examples.length; k++) {
                if (examples[k] != null) {
                    Column col = edited.get(changed.get(k));
                    throw new DataException("Column '" + col.name() + "' cannot be " + label(col.type()) + ": it holds \""
                            + shorten(examples[k]) + "\", for example.");
                }
            }
        } catch (SQLException e) {
            throw new DataException("Cannot check the new types: " + DuckErrors.firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static void bindCheck(DuckDBConnection c, SourceColumn src, Column col, String from) throws DataException {
        try (Statement st = c.createStatement()) {
            st.executeQuery("SELECT TRY_CAST(" + Sql.ident(src.name()) + " AS " + col.type().sqlType() + ") FROM " + from
                    + " LIMIT 0").close();
        } catch (SQLException e) {
            throw new DataException("Column '" + col.name() + "' holds " + src.sqlType() + " values; it cannot be "
                    + label(col.type()) + ".", e);
        }
    }

    private static String label(ColumnType type) {
        return switch (type) {
            case INTEGER -> "a whole number (INTEGER)";
            case DECIMAL -> "a number (DECIMAL)";
            case BOOLEAN -> "true/false (BOOLEAN)";
            case DATE -> "a date (DATE)";
            case TIMESTAMP -> "a date and time (TIMESTAMP)";
            case CATEGORY -> "a category";
            case TEXT -> "text";
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
