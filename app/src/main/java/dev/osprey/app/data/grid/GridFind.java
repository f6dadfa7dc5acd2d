package dev.osprey.app.data.grid;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.PagedView;
import dev.osprey.core.data.TablePager;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Find in {@link GridModel}'s table: the text looked for and the row it was last found at. A
 * search asks DuckDB ({@link TablePager#find}) on {@code io} for the next (or previous) row of the
 * shown view holding the text in any column, going on from the last hit; the answer is used on
 * {@code ui} only while the grid still shows what was searched.
 */
final class GridFind {
    private final Executor io;
    private final Executor ui;
    private final List<Column> columns;
    private final Consumer<String> problem;
    private final Consumer<String> note;
    private final ReadOnlyLongWrapper found;
    private final ReadOnlyStringWrapper text;

    /**
     * {@code bean} owns the properties (the grid's model); {@code columns} are the grid's columns,
     * searched by name; {@code problem} and {@code note} show an error and a status line.
     */
    GridFind(Object bean, Executor io, Executor ui, List<Column> columns, Consumer<String> problem, Consumer<String> note) {
        this.io = io;
        this.ui = ui;
        this.columns = columns;
        this.problem = problem;
        this.note = note;
        this.found = new ReadOnlyLongWrapper(bean, "found", -1);
        this.text = new ReadOnlyStringWrapper(bean, "findText", "");
    }

    ReadOnlyLongProperty foundProperty() {
        return found.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The rows changed: the last hit no longer points at anything, and the next search starts over. */
    void forget() {
        found.set(-1);
    }

    void clear() {
        text.set("");
        found.set(-1);
    }

    /**
     * Moves to the next (or previous) row of {@code view} holding {@code what}; -1 when none, when
     * {@code pager} is null (nothing to search) or when the grid moved on ({@code current} false).
     */
    CompletableFuture<Long> find(TablePager pager, PagedView view, String what, boolean forward, BooleanSupplier current) {
        text.set(what == null ? "" : what);
        if (pager == null || what == null || what.isEmpty()) {
            found.set(-1);
            return CompletableFuture.completedFuture(-1L);
        }
        long from = found.get() < 0 ? (forward ? -1 : view.rows()) : found.get();
        List<String> names = columns.stream().map(Column::name).toList();
        return CompletableFuture.supplyAsync(() -> GridCalls.call(() -> pager.find(view, what, names, from, forward)), io)
                .handleAsync((row, e) -> {
                    if (!current.getAsBoolean()) {
                        return -1L;
                    }
                    if (e != null) {
                        problem.accept(GridCalls.message(e));
                        return -1L;
                    }
                    found.set(row);
                    if (row < 0) {
                        note.accept("No " + (forward ? "later" : "earlier") + " row contains \u201c" + what + "\u201d.");
                    }
                    return row;
                }, ui);
    }
}
