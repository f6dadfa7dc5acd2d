package dev.osprey.app.data.grid;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnSummary;
import dev.osprey.core.data.GridQuery;
import dev.osprey.core.data.PagedView;
import dev.osprey.core.data.TablePager;
import dev.osprey.core.job.JobContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The data grid's state: the columns, the rows (paged from a {@link TablePager}, or a recipe
 * preview held in memory), the sort and filters (compiled to SQL by {@link GridQuery}), the
 * column summaries shown in the headers, find and the columns selected to act on. No nodes:
 * the view binds to it. State changes on the UI executor; DuckDB work runs on {@code io},
 * pages on {@code pages}; a result that arrives after the table changed is dropped. The pages on
 * screen are {@link GridPages}; find is {@link GridFind}.
 */
public final class GridModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GridModel.class);

    /** Opens the pager for a table (off the UI thread). */
    @FunctionalInterface
    public interface PagerSource {
        TablePager open() throws Exception;
    }

    private final Executor io;
    private final Executor ui;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableMap<String, ColumnSummary> summaries = FXCollections.observableHashMap();
    private final ObservableList<String> selectedColumns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GridRows> rows = new ReadOnlyObjectWrapper<>(this, "rows", GridRows.EMPTY);
    private final ReadOnlyObjectWrapper<GridQuery> query = new ReadOnlyObjectWrapper<>(this, "query", GridQuery.NONE);
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper preview = new ReadOnlyBooleanWrapper(this, "preview");
    private final GridPages pages;
    private final GridFind finder;
    private TablePager pager;
    private PagedView view;
    private long generation;
    private long sourceRows;

    public GridModel(Executor io, Executor pages, Executor ui) {
        this.io = Objects.requireNonNull(io);
        this.ui = Objects.requireNonNull(ui);
        this.pages = new GridPages(this, Objects.requireNonNull(pages), ui);
        this.finder = new GridFind(this, io, ui, columns, error::set, status::set);
    }

    // --- state -------------------------------------------------------------------------------------

    public ObservableList<Column> columns() {
        return columns;
    }

    public ObservableMap<String, ColumnSummary> summaries() {
        return summaries;
    }

    /** The columns the user picked (Ctrl+click on a header) for the next action. */
    public ObservableList<String> selectedColumns() {
        return selectedColumns;
    }

    public ReadOnlyObjectProperty<GridRows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Goes up each time rows arrive, so cells that showed a placeholder read again. */
    public ReadOnlyIntegerProperty versionProperty() {
        return pages.versionProperty();
    }

    public ReadOnlyObjectProperty<GridQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public GridQuery query() {
        return query.get();
    }

    /** What runs in the background (e.g. "Sorting…"), or null. */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while the grid shows a recipe preview rather than the dataset. */
    public ReadOnlyBooleanProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The row find moved to, or -1. */
    public ReadOnlyLongProperty foundProperty() {
        return finder.foundProperty();
    }

    public ReadOnlyStringProperty findTextProperty() {
        return finder.textProperty();
    }

    public boolean isPaged() {
        return pager != null && !preview.get();
    }

    // --- actions -----------------------------------------------------------------------------------

    /**
     * Shows a table: its first rows at once (read live), then a snapshot for deep pages and
     * sorting, then the column summaries.
     */
    public CompletableFuture<Void> open(List<Column> cols, long knownRows, PagerSource source) {
        long gen = reset();
        // the snapshot waits for the first page to be on screen, so it does not slow the first rows
        CompletableFuture<Void> first = pages.expectFirstPage();
        columns.setAll(cols);
        busy.set("Opening…");
        // The pager and its first page come from one trip off the UI thread: a LIMIT read of the
        // source, before any snapshot or summary work starts.
        return CompletableFuture.supplyAsync(() -> GridCalls.call(() -> firstRows(source)), io).thenApplyAsync(o -> {
            TablePager p = o.pager();
            if (gen != generation) {
                io.execute(p::close);
                return null;
            }
            pager = p;
            sourceRows = p.live().rows();
            show(p.live(), gen);
            if (!o.page().isEmpty()) {
                pages.seed(o.page());
            }
            first.complete(null);
            busy.set(null);
            return p;
        }, ui).thenCombine(first.completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS), (p, x) -> p)
                .thenComposeAsync(p -> p == null ? CompletableFuture.completedFuture(null) : snapshot(p, gen), ui)
                .exceptionallyAsync(e -> failed(gen, e), ui);
    }

    /** Shows rows held in memory (a recipe preview) instead of the table; sorting is off meanwhile. */
    public void showPreview(List<Column> cols, List<List<Object>> data, String label) {
        showRows(cols, GridRows.of(data), label);
    }

    /**
     * Shows rows from any source that answers at once (e.g. computed), like a preview: the
     * benchmark's peer, the same grid over as many rows with no paging behind them.
     */
    public void showRows(List<Column> cols, GridRows data, String label) {
        preview.set(true);
        finder.forget();
        if (!columns.equals(cols)) {
            columns.setAll(cols);
        }
        rows.set(data);
        status.set(label);
        error.set(null);
    }

    /** Back to the table itself after a preview. */
    public void showTable() {
        if (!preview.get()) {
            return;
        }
        preview.set(false);
        if (pager != null) {
            columns.setAll(pager.columns());
            show(view, generation);
        }
    }

    /** Sorts by {@code column} (toggling ascending/descending); {@code add} keeps the other keys (Shift+click). */
    public CompletableFuture<Void> sortBy(String column, boolean add) {
        GridQuery q = query.get();
        boolean descending = q.sort().stream().anyMatch(k -> k.column().equals(column) && !k.descending());
        return sortBy(column, descending, add);
    }

    public CompletableFuture<Void> sortBy(String column, boolean descending, boolean add) {
        return apply(query.get().sortedBy(new GridQuery.SortKey(column, descending), add), "Sorting");
    }

    public CompletableFuture<Void> clearSort() {
        return apply(query.get().withoutSort(), "Restoring the order");
    }

    public CompletableFuture<Void> addFilter(GridQuery.ColumnFilter filter) {
        return apply(query.get().withFilter(filter), "Filtering");
    }

    public CompletableFuture<Void> removeFilter(GridQuery.ColumnFilter filter) {
        return apply(query.get().withoutFilter(filter), "Filtering");
    }

    /** Moves to the next (or previous) row holding {@code text} in any column; -1 in {@link #foundProperty()} when none. */
    public CompletableFuture<Long> find(String text, boolean forward) {
        long gen = generation;
        return finder.find(isPaged() ? pager : null, view, text, forward, () -> gen == generation);
    }

    public void clearFind() {
        finder.clear();
    }

    /** Toggles {@code column} in the selection to act on. */
    public void toggleSelected(String column) {
        if (!selectedColumns.remove(column)) {
            selectedColumns.add(column);
        }
    }

    /** Empties the grid and stops its work. */
    public void clear() {
        reset();
        columns.clear();
        busy.set(null);
    }

    @Override
    public void close() {
        clear();
    }

    // --- internals ---------------------------------------------------------------------------------

    private long reset() {
        long gen = ++generation;
        pages.close();
        if (pager != null) {
            TablePager p = pager;
            io.execute(p::close);
            pager = null;
        }
        view = null;
        preview.set(false);
        rows.set(GridRows.EMPTY);
        query.set(GridQuery.NONE);
        summaries.clear();
        selectedColumns.clear();
        finder.forget();
        error.set(null);
        status.set("");
        return gen;
    }

    private record Opened(TablePager pager, List<List<Object>> page) {
    }

    private static Opened firstRows(PagerSource source) throws Exception {
        TablePager p = source.open();
        try {
            PagedView live = p.live();
            return new Opened(p, p.rows(live, 0, (int) Math.min(PageCache.PAGE_ROWS, live.rows())));
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
    }

    private CompletableFuture<Void> snapshot(TablePager p, long gen) {
        return CompletableFuture.supplyAsync(() -> GridCalls.call(() -> p.base(JobContext.NONE)), io).thenComposeAsync(b -> {
            if (gen != generation) {
                return CompletableFuture.completedFuture(null);
            }
            if (query.get().isEmpty() && view != null && view.isLive()) {
                if (pages.isOpen() && !preview.get() && b.rows() == view.rows()) {
                    // same rows in the same order, now read by position: deep pages stop being slow,
                    // and the pages already on screen stay (no flicker, no new cells)
                    view = b;
                    pages.readFrom(reader(p, b));
                } else {
                    show(b, gen);
                }
            }
            return CompletableFuture.supplyAsync(() -> GridCalls.call(() -> p.summarize(b, JobContext.NONE)), io)
                    .thenAcceptAsync(list -> {
                        if (gen == generation) {
                            list.forEach(s -> summaries.put(s.name(), s));
                        }
                    }, ui);
        }, ui);
    }

    private CompletableFuture<Void> apply(GridQuery next, String what) {
        if (pager == null || preview.get()) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            next.sql("t", columns); // a value that does not fit its column is named now, and nothing changes
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        long gen = ++generation;
        TablePager p = pager;
        busy.set(what + " " + GridFormats.count(sourceRows) + " rows…");
        error.set(null);
        return CompletableFuture.supplyAsync(() -> GridCalls.call(() -> p.view(next, JobContext.NONE)), io).thenAcceptAsync(v -> {
            if (gen != generation) {
                p.release(v);
                return;
            }
            PagedView old = view;
            query.set(next);
            finder.forget();
            show(v, gen);
            busy.set(null);
            if (old != null && !old.equals(v)) {
                io.execute(() -> p.release(old));
            }
        }, ui).exceptionallyAsync(e -> {
            if (gen == generation) {
                busy.set(null);
                error.set(GridCalls.message(e));
            }
            return null;
        }, ui);
    }

    private void show(PagedView v, long gen) {
        view = v;
        pages.show(v.rows(), reader(pager, v), () -> gen == generation || view == v, (page, e) -> {
            LOG.warn("Cannot read page {} of the grid", page, e);
            error.set(GridCalls.message(e));
        });
        if (!preview.get()) {
            rows.set(pages.rows());
            status.set(v.rows() == sourceRows ? GridFormats.count(v.rows()) + " rows"
                    : GridFormats.count(v.rows()) + " of " + GridFormats.count(sourceRows) + " rows");
        }
    }

    private static PageCache.PageReader reader(TablePager p, PagedView v) {
        return (from, count, ctx) -> p.rows(v, from, count, ctx);
    }

    private Void failed(long gen, Throwable e) {
        if (gen == generation) {
            busy.set(null);
            LOG.warn("The grid cannot show the table", e);
            error.set(GridCalls.message(e));
        }
        return null;
    }
}
