package dev.osprey.app.data.grid;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;

import java.util.List;
import java.util.Locale;

/**
 * A value cell: reads its row from the model, a light "…" while the page loads, then the value.
 * Cheap on purpose, since a fling re-renders every visible cell each frame: the placeholder is a
 * lower opacity rather than a pseudo-class (a pseudo-class change sends the cell and its text
 * through a CSS pass), state is only touched when it changes, and text is built without a Formatter.
 */
final class GridCell extends TableCell<Long, Long> {
    static final String PLACEHOLDER = "\u2026";
    static final double PLACEHOLDER_OPACITY = 0.35;
    private final GridModel model;
    private final int column;
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    private static final PseudoClass FOUND = PseudoClass.getPseudoClass("found");
    private boolean loading;
    private boolean missing;
    private boolean found;
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
        boolean loading = false;
        boolean missing = false;
        boolean found = false;
        if (empty || item == null) {
            setText(null);
        } else {
            List<Object> row = model.rowsProperty().get().row(item);
            if (row == null) {
                setText(PLACEHOLDER);
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
        if (loading != this.loading) {
            setOpacity(loading ? PLACEHOLDER_OPACITY : 1);
            this.loading = loading;
        }
        if (missing != this.missing) {
            pseudoClassStateChanged(MISSING, missing);
            this.missing = missing;
        }
        if (found != this.found) {
            pseudoClassStateChanged(FOUND, found);
            this.found = found;
        }
    }

    static String text(Object v) {
        if (v instanceof Double d) {
            // a whole number keeps one decimal ("3.0"), as Double.toString writes it below 1e7; done by
            // hand because a Formatter per cell is the costliest thing a scrolled cell would do
            double x = d;
            return x == Math.rint(x) && Math.abs(x) < 1e15 && !(x == 0 && 1 / x < 0) ? (long) x + ".0" : d.toString();
        }
        return v.toString();
    }
}
