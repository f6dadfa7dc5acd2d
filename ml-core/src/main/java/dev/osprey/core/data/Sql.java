package dev.osprey.core.data;

/** Quoting for the SQL text Osprey builds: identifiers and string literals, never user text spliced raw. */
final class Sql {
    private Sql() {
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
