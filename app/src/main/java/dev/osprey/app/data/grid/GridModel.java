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
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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
 * pages on {@code pages}; a result that arrives after the table changed is dropped.
 */
public final class GridModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GridModel.class);

    /** Opens the pager for a table (off the UI thread). */
    @FunctionalInterface
    public interface PagerSource {
        TablePager open() throws Exception;
    }

    private final Executor io;
    private final Executor pages;
    private final Executor ui;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableMap<String, ColumnSummary> summaries = FXCollections.observableHashMap();
    private final ObservableList<String> selectedColumns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GridRows> rows = new ReadOnlyObjectWrapper<>(this, "rows", GridRows.EMPTY);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");
    private final ReadOnlyObjectWrapper<GridQuery> query = new ReadOnlyObjectWrapper<>(this, "query", GridQuery.NONE);
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper preview = new ReadOnlyBooleanWrapper(this, "preview");
    private final ReadOnlyLongWrapper found = new ReadOnlyLongWrapper(this, "found", -1);
    private final ReadOnlyStringWrapper findText = new ReadOnlyStringWrapper(this, "findText", "");
    private TablePager pager;
    private PagedView view;
    private PageCache cache;
    private long generation;
    private long sourceRows;
    /** Completes when the first page is on screen: the snapshot waits for it, so it does not slow the first rows. */
    private CompletableFuture<Void> firstPage = new CompletableFuture<>();

    public GridModel(Executor io, Executor pages, Executor ui) {
        this.io = Objects.requireNonNull(io);
        this.pages = Objects.requireNonNull(pages);
        this.ui = Objects.requireNonNull(ui);
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
        return version.getReadOnlyProperty();
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
        return found.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty findTextProperty() {
        return findText.getReadOnlyProperty();
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
        CompletableFuture<Void> first = new CompletableFuture<>();
        firstPage = first;
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
                cache.put(0, o.page());
                version.set(version.get() + 1);
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
        preview.set(true);
        found.set(-1);
        if (!columns.equals(cols)) {
            columns.setAll(cols);
        }
        rows.set(GridRows.of(data));
        status.set(label);
        error.set(null);
    }

    /**
     * Shows rows from any source that answers at once (e.g. computed), like a preview: the
     * benchmark's peer, the same grid over as many rows with no paging behind them.
     */
    public void showRows(List<Column> cols, GridRows data, String label) {
        preview.set(true);
        found.set(-1);
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
        findText.set(text == null ? "" : text);
        if (pager == null || preview.get() || text == null || text.isEmpty()) {
            found.set(-1);
            return CompletableFuture.completedFuture(-1L);
        }
        long gen = generation;
        PagedView v = view;
        long from = found.get() < 0 ? (forward ? -1 : v.rows()) : found.get();
        List<String> names = columns.stream().map(Column::name).toList();
        TablePager p = pager;
        return CompletableFuture.supplyAsync(() -> GridCalls.call(() -> p.find(v, text, names, from, forward)), io)
                .handleAsync((row, e) -> {
                    if (gen != generation) {
                        return -1L;
                    }
                    if (e != null) {
                        error.set(GridCalls.message(e));
                        return -1L;
                    }
                    found.set(row);
                    if (row < 0) {
                        status.set("No " + (forward ? "later" : "earlier") + " row contains \u201c" + text + "\u201d.");
                    }
                    return row;
                }, ui);
    }

    public void clearFind() {
        findText.set("");
        found.set(-1);
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
        if (cache != null) {
            cache.close();
            cache = null;
        }
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
        found.set(-1);
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
                if (cache != null && !preview.get() && b.rows() == view.rows()) {
                    // same rows in the same order, now read by position: deep pages stop being slow,
                    // and the pages already on screen stay (no flicker, no new cells)
                    view = b;
                    cache.readFrom(reader(p, b));
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
            found.set(-1);
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
        if (cache != null) {
            cache.close();
        }
        TablePager p = pager;
        cache = new PageCache(v.rows(), reader(p, v), pages, ui, new PageCache.Listener() {
            @Override
            public void pageLoaded(long page) {
                if (gen == generation || view == v) {
                    version.set(version.get() + 1);
                }
                firstPage.complete(null);
            }

            @Override
            public void pageFailed(long page, Throwable e) {
                firstPage.complete(null);
                LOG.warn("Cannot read page {} of the grid", page, e);
                error.set(GridCalls.message(e));
            }
        });
        if (!preview.get()) {
            rows.set(GridRows.of(cache));
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
