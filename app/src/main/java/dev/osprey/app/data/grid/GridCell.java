package dev.osprey.app.data.grid;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;

import java.util.List;
import java.util.Locale;

/** A value cell: reads its row from the model, "…" while the page loads, then the value. */
final class GridCell extends TableCell<Long, Long> {
    private final GridModel model;
    private final int column;
    private static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    private static final PseudoClass FOUND = PseudoClass.getPseudoClass("found");
    private boolean loading;
    private final InvalidationListener arrived = o -> {
        if (loading) {
            render(getItem(), isEmpty());
        }
    };

    GridCell(GridModel model, int column, boolean numeric) {
        this.model = model;
        this.column = column;
        setAlignment(numeric ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        model.versionProperty().addListener(new WeakInvalidationListener(arrived));
    }

    @Override
    protected void updateItem(Long item, boolean empty) {
        super.updateItem(item, empty);
        render(item, empty);
    }

    private void render(Long item, boolean empty) {
        // Pseudo-classes, not style classes: switching them costs no list change events per cell.
        boolean loading = false;
        boolean missing = false;
        boolean found = false;
        if (empty || item == null) {
            setText(null);
        } else {
            List<Object> row = model.rowsProperty().get().row(item);
            if (row == null) {
                setText("\u2026");
                loading = true;
            } else {
                Object v = column < row.size() ? row.get(column) : null;
                if (v == null) {
                    setText("null");
                    missing = true;
                } else {
                    String text = text(v);
                    setText(text);
                    String needle = model.findTextProperty().get();
                    found = !needle.isEmpty() && model.foundProperty().get() == item
                            && text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
                }
            }
        }
        this.loading = loading;
        pseudoClassStateChanged(LOADING, loading);
        pseudoClassStateChanged(MISSING, missing);
        pseudoClassStateChanged(FOUND, found);
    }

    static String text(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : d.toString();
        }
        return v.toString();
    }
}
