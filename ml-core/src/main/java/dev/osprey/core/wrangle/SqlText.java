package dev.osprey.core.wrangle;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for the SQL the recipe compiler writes; user text is only ever a quoted identifier or literal. */
final class SqlText {
    private SqlText() {
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** A double as DuckDB reads it back exactly (through its text, not as a DECIMAL literal). */
    static String number(double v) {
        return "CAST(" + literal(Double.toString(v)) + " AS DOUBLE)";
    }

    static String idents(List<String> names) {
        return names.stream().map(SqlText::ident).collect(Collectors.joining(", "));
    }

    /** The column as a DOUBLE (integers and decimals alike). */
    static String asDouble(String column) {
        return "CAST(" + ident(column) + " AS DOUBLE)";
    }
}
