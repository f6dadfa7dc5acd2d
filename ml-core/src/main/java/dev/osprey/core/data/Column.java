package dev.osprey.core.data;

import java.util.Objects;

/**
 * One column of a dataset's schema. {@code sourceName} is the name in the file; {@code name},
 * {@code type} and {@code role} are what the user sees and may edit.
 * {@code missing} and {@code distinct} are counted at import ({@code distinct} approximately).
 */
public record Column(String name, String sourceName, ColumnType type, ColumnRole role, long missing, long distinct) {
    public Column {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sourceName, "sourceName");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A column needs a name.");
        }
        if (name.length() > 255) {
            throw new IllegalArgumentException("The column name '" + name.substring(0, 40) + "...' is longer than 255 characters.");
        }
        if (missing < 0 || distinct < 0) {
            throw new IllegalArgumentException("Column statistics cannot be negative.");
        }
    }

    public Column withName(String newName) {
        return new Column(newName, sourceName, type, role, missing, distinct);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, sourceName, newType, role, missing, distinct);
    }

    public Column withRole(ColumnRole newRole) {
        return new Column(name, sourceName, type, newRole, missing, distinct);
    }
}
