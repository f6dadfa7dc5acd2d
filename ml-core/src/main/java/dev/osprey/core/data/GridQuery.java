package dev.osprey.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the data grid shows of a table: which rows (filters, all must hold) in which order (sort
 * keys, first one first). It compiles to one DuckDB SELECT over the table, so sorting and
 * filtering never happen row by row in Java.
 */
public record GridQuery(List<SortKey> sort, List<ColumnFilter> filters) {
    public static final GridQuery NONE = new GridQuery(List.of(), List.of());

    public GridQuery {
        sort = List.copyOf(sort);
        filters = List.copyOf(filters);
    }

    public boolean isEmpty() {
        return sort.isEmpty() && filters.isEmpty();
    }

    /** One ORDER BY key. */
    public record SortKey(String column, boolean descending) {
        public SortKey {
            Objects.requireNonNull(column, "column");
        }
    }

    /** One condition on one column; the grid shows the rows where every filter holds. */
    public sealed interface ColumnFilter {
        String column();

        /** A short text for the filter chip, e.g. {@code age between 18 and 30}. */
        String label();

        /** The value equals {@code value} (read as the column's type). */
        record Equals(String column, String value) implements ColumnFilter {
            public Equals {
                Objects.requireNonNull(column, "column");
                Objects.requireNonNull(value, "value");
            }

            @Override
            public String label() {
                return column + " = " + value;
            }
        }

        /** A number (or date) within [min, max]; either bound may be null (open). */
        record Range(String column, String min, String max) implements ColumnFilter {
            public Range {
                Objects.requireNonNull(column, "column");
                if ((min == null || min.isBlank()) && (max == null || max.isBlank())) {
                    throw new IllegalArgumentException("A range on '" + column + "' needs a lower or an upper bound.");
                }
            }

            @Override
            public String label() {
                boolean lo = min != null && !min.isBlank();
                boolean hi = max != null && !max.isBlank();
                return lo && hi ? column + " between " + min + " and " + max
                        : lo ? column + " \u2265 " + min : column + " \u2264 " + max;
            }
        }

        /** The value, as text, contains {@code text} (ignoring case). */
        record Contains(String column, String text) implements ColumnFilter {
            public Contains {
                Objects.requireNonNull(column, "column");
                if (text == null || text.isEmpty()) {
                    throw new IllegalArgumentException("Type the text that '" + column + "' should contain.");
                }
            }

            @Override
            public String label() {
                return column + " contains \u201c" + text + "\u201d";
            }
        }

        /** The value is missing ({@code missing}) or present. */
        record Missing(String column, boolean missing) implements ColumnFilter {
            public Missing {
                Objects.requireNonNull(column, "column");
            }

            @Override
            public String label() {
                return column + (missing ? " is missing" : " is not missing");
            }
        }
    }

    /** This query with {@code key} as the only sort key, or added after the others ({@code add}). */
    public GridQuery sortedBy(SortKey key, boolean add) {
        List<SortKey> keys = new ArrayList<>(add ? sort : List.of());
        keys.removeIf(k -> k.column().equals(key.column()));
        keys.add(key);
        return new GridQuery(keys, filters);
    }

    public GridQuery withFilter(ColumnFilter filter) {
        List<ColumnFilter> all = new ArrayList<>(filters);
        all.add(filter);
        return new GridQuery(sort, all);
    }

    public GridQuery withoutFilter(ColumnFilter filter) {
        List<ColumnFilter> all = new ArrayList<>(filters);
        all.remove(filter);
        return new GridQuery(sort, all);
    }

    public GridQuery withoutSort() {
        return new GridQuery(List.of(), filters);
    }

    /**
     * The SELECT over {@code from} (a table expression: a parenthesised query or a table
     * function) that gives these rows in this order. Values are spliced as SQL literals cast
     * to the column's type; a value that is not of that type is refused here, with its column.
     *
     * @throws IllegalArgumentException when a column is unknown or a value does not fit its type
     */
    public String sql(String from, List<Column> columns) {
        StringBuilder sb = new StringBuilder("SELECT * FROM ").append(from);
        for (int i = 0; i < filters.size(); i++) {
            sb.append(i == 0 ? " WHERE " : " AND ").append(condition(filters.get(i), columns));
        }
        for (int i = 0; i < sort.size(); i++) {
            SortKey k = sort.get(i);
            typeOf(k.column(), columns);
            sb.append(i == 0 ? " ORDER BY " : ", ").append(Sql.ident(k.column()))
                    .append(k.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST");
        }
        return sb.toString();
    }

    static String condition(ColumnFilter f, List<Column> columns) {
        ColumnType type = typeOf(f.column(), columns);
        String id = Sql.ident(f.column());
        return switch (f) {
            case ColumnFilter.Equals e -> id + " = " + typed(e.value(), type, f.column());
            case ColumnFilter.Range r -> {
                List<String> parts = new ArrayList<>();
                if (r.min() != null && !r.min().isBlank()) {
                    parts.add(id + " >= " + typed(r.min(), type, f.column()));
                }
                if (r.max() != null && !r.max().isBlank()) {
                    parts.add(id + " <= " + typed(r.max(), type, f.column()));
                }
                yield "(" + String.join(" AND ", parts) + ")";
            }
            case ColumnFilter.Contains c -> "contains(lower(CAST(" + id + " AS VARCHAR)), "
                                             + Sql.literal(c.text().toLowerCase(Locale.ROOT)) + ")";
            case ColumnFilter.Missing m -> id + (m.missing() ? " IS NULL" : " IS NOT NULL");
        };
    }

    private static ColumnType typeOf(String column, List<Column> columns) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst().map(Column::type)
                .orElseThrow(() -> new IllegalArgumentException("There is no column '" + column + "'."));
    }

    /** A literal of the column's type; numbers are checked here so a typo is named, not a DuckDB error. */
    private static String typed(String value, ColumnType type, String column) {
        String v = value.strip();
        switch (type) {
            case INTEGER, DECIMAL -> {
                try {
                    double d = Double.parseDouble(v);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a number; the column '" + column
                            + "' holds numbers.");
                }
                return v;
            }
            case BOOLEAN -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw new IllegalArgumentException("'" + value + "' is not true or false; the column '" + column
                            + "' holds true/false values.");
                }
                return b;
            }
            case DATE, TIMESTAMP -> {
                return "TRY_CAST(" + Sql.literal(v) + " AS " + type.sqlType() + ")";
            }
            default -> {
                return Sql.literal(value);
            }
        }
    }
}
