package dev.osprey.app.data.grid;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The pages of the view {@link GridModel} shows: one {@link PageCache} at a time (a new view
 * closes the old one's), the version that goes up as pages arrive so cells showing a placeholder
 * read again, and the signal that the first page is on screen. Used on the UI thread; pages are
 * read on {@code loader}.
 */
final class GridPages {
    /** Told on the UI thread when a page cannot be read. */
    @FunctionalInterface
    interface Failure {
        void pageFailed(long page, Throwable error);
    }

    private final Executor loader;
    private final Executor ui;
    private final ReadOnlyIntegerWrapper version;
    private PageCache cache;
    private CompletableFuture<Void> firstPage = new CompletableFuture<>();

    /** {@code bean} owns the version property (the grid's model). */
    GridPages(Object bean, Executor loader, Executor ui) {
        this.loader = loader;
        this.ui = ui;
        this.version = new ReadOnlyIntegerWrapper(bean, "version");
    }

    ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /**
     * A table is opening: the returned future completes when a page arrives or fails (the caller
     * completes it too, once the rows read with the table are shown).
     */
    CompletableFuture<Void> expectFirstPage() {
        firstPage = new CompletableFuture<>();
        return firstPage;
    }

    /** Pages of a view of {@code rows} rows read through {@code reader}, instead of the previous ones. */
    void show(long rows, PageCache.PageReader reader, BooleanSupplier current, Failure failure) {
        if (cache != null) {
            cache.close();
        }
        cache = new PageCache(rows, reader, loader, ui, new PageCache.Listener() {
            @Override
            public void pageLoaded(long page) {
                if (current.getAsBoolean()) {
                    version.set(version.get() + 1);
                }
                firstPage.complete(null);
            }

            @Override
            public void pageFailed(long page, Throwable e) {
                firstPage.complete(null);
                failure.pageFailed(page, e);
            }
        });
    }

    /** What the cells read: rows of the pages shown, null while one loads. */
    GridRows rows() {
        return GridRows.of(cache);
    }

    /** The first page, read with the table itself, so it needs no second read. */
    void seed(List<List<Object>> page) {
        cache.put(0, page);
        version.set(version.get() + 1);
    }

    boolean isOpen() {
        return cache != null;
    }

    /** The same rows, from now on read through {@code reader}; the pages already read stay. */
    void readFrom(PageCache.PageReader reader) {
        cache.readFrom(reader);
    }

    void close() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
    }
}
