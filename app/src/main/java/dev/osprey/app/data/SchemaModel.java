package dev.osprey.app.data;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.Dataset;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Schema tab's state: one {@link SchemaRow} per column, whether anything was edited, and what
 * (if anything) keeps the edit from being applied. Checks that need no data (blank or repeated
 * names, two targets) are made here as the user types; checks against the data (can this column
 * be read as a date?) are the service's, on Apply.
 */
public final class SchemaModel {
    private final ObservableList<SchemaRow> rows = FXCollections.observableArrayList(
            r -> new Observable[]{r.nameProperty(), r.typeProperty(), r.roleProperty()});
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final javafx.beans.property.ReadOnlyIntegerWrapper changed = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "changed");

    SchemaModel() {
        rows.addListener((Observable o) -> recompute());
    }

    public ObservableList<SchemaRow> rows() {
        return rows;
    }

    /** True when some row differs from the saved schema. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** How many columns have edits not applied yet. */
    public javafx.beans.property.ReadOnlyIntegerProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Why the edited schema cannot be applied, or null when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void load(Dataset dataset) {
        if (dataset == null) {
            rows.clear();
        } else {
            rows.setAll(dataset.columns().stream().map(SchemaRow::new).toList());
        }
    }

    /** Puts every row back to its saved state. */
    void revert() {
        List<SchemaRow> fresh = rows.stream().map(r -> new SchemaRow(r.saved())).toList();
        rows.setAll(fresh);
    }

    /** The edited columns, in order; only call when {@link #problemProperty()} is null. */
    List<Column> edited() {
        List<Column> out = new ArrayList<>(rows.size());
        for (SchemaRow r : rows) {
            out.add(r.toColumn());
        }
        return out;
    }

    private void recompute() {
        int n = (int) rows.stream().filter(SchemaRow::isChanged).count();
        changed.set(n);
        dirty.set(n > 0);
        problem.set(findProblem());
    }

    private String findProblem() {
        Set<String> seen = new HashSet<>();
        int targets = 0;
        for (int i = 0; i < rows.size(); i++) {
            SchemaRow r = rows.get(i);
            String name = r.editedName();
            if (name.isEmpty()) {
                return "Column " + (i + 1) + " (" + r.saved().name() + ") needs a name.";
            }
            if (name.length() > 255) {
                return "The name of column " + (i + 1) + " is longer than 255 characters.";
            }
            // DuckDB matches column names case-insensitively, so "Age" and "age" would collide.
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                return "Two columns are named '" + name + "'.";
            }
            if (r.roleProperty().get() == ColumnRole.TARGET) {
                targets++;
            }
        }
        if (targets > 1) {
            return "Only one column can be the target (" + targets + " are).";
        }
        return null;
    }
}
