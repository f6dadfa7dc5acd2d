package dev.osprey.app.data;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/** One editable line of the Schema tab: a column as saved, and the user's pending edits of it. */
public final class SchemaRow {
    private final Column saved;
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<ColumnType> type = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<ColumnRole> role = new SimpleObjectProperty<>(this, "role");

    SchemaRow(Column saved) {
        this.saved = Objects.requireNonNull(saved);
        name.set(saved.name());
        type.set(saved.type());
        role.set(saved.role());
    }

    public Column saved() {
        return saved;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ColumnType> typeProperty() {
        return type;
    }

    public ObjectProperty<ColumnRole> roleProperty() {
        return role;
    }

    public long missing() {
        return saved.missing();
    }

    public long distinct() {
        return saved.distinct();
    }

    /** The name as it would be saved: trimmed, since a stray space in a name is never meant. */
    String editedName() {
        String n = name.get();
        return n == null ? "" : n.strip();
    }

    boolean isChanged() {
        return !editedName().equals(saved.name()) || type.get() != saved.type() || role.get() != saved.role();
    }

    /** The edited column; throws IllegalArgumentException (with a user message) for a bad name. */
    Column toColumn() {
        return saved.withName(editedName()).withType(type.get()).withRole(role.get());
    }
}
