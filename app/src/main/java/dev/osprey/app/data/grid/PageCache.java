package dev.osprey.app.data.grid;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The rows the grid has read, as fixed-size pages in a least-recently-used map, so memory stays
 * bounded whatever the table's size. A missing page is requested and read on a loader thread,
 * newest request first (while the user scrolls fast, the pages now on screen come before the
 * ones they flew past; requests beyond {@link #MAX_QUEUED} are dropped and asked for again by
 * the cells that still show a placeholder). Read and written on the UI thread only, except
 * {@link PageReader#read}, which runs on {@code loader}.
 */
public final class PageCache {
    public static final int PAGE_ROWS = 500;
    static final int MAX_PAGES = 200;
    static final int MAX_QUEUED = 8;

    /** Reads rows {@code from} .. {@code from + count - 1} (off the UI thread). */
    @FunctionalInterface
    public interface PageReader {
        List<List<Object>> read(long from, int count) throws Exception;
    }

    /** Told on the UI thread when a page arrived or failed. */
    public interface Listener {
        void pageLoaded(long page);

        void pageFailed(long page, Throwable error);
    }

    private final PageReader reader;
    private final Executor loader;
    private final Executor ui;
    private final Listener listener;
    private final Map<Long, List<List<Object>>> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<List<Object>>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Deque<Long> queue = new ArrayDeque<>();
    private final Set<Long> requested = new HashSet<>();
    private final long rows;
    private boolean loading;
    private volatile boolean closed;

    public PageCache(long rows, PageReader reader, Executor loader, Executor ui, Listener listener) {
        this.rows = rows;
        this.reader = reader;
        this.loader = loader;
        this.ui = ui;
        this.listener = listener;
    }

    public long rows() {
        return rows;
    }

    /** Row {@code index}, or null while its page loads (the page is then requested). */
    public List<Object> row(long index) {
        if (index < 0 || index >= rows) {
            return null;
        }
        long page = index / PAGE_ROWS;
        List<List<Object>> p = pages.get(page);
        if (p == null) {
            request(page);
            return null;
        }
        int at = (int) (index - page * PAGE_ROWS);
        return at < p.size() ? p.get(at) : null;
    }

    public boolean isLoaded(long index) {
        return pages.containsKey(index / PAGE_ROWS);
    }

    int cachedPages() {
        return pages.size();
    }

    /** Stops loading; pages that arrive later are dropped. */
    public void close() {
        closed = true;
        queue.clear();
        requested.clear();
        pages.clear();
    }

    private void request(long page) {
        if (closed || requested.contains(page)) {
            if (queue.remove(page)) {
                queue.addFirst(page); // asked again: it is on screen now
            }
            return;
        }
        requested.add(page);
        queue.addFirst(page);
        while (queue.size() > MAX_QUEUED) {
            requested.remove(queue.removeLast());
        }
        pump();
    }

    private void pump() {
        if (loading || queue.isEmpty() || closed) {
            return;
        }
        long page = queue.removeFirst();
        loading = true;
        long from = page * PAGE_ROWS;
        int count = (int) Math.min(PAGE_ROWS, rows - from);
        loader.execute(() -> {
            List<List<Object>> data = null;
            Throwable error = null;
            try {
                data = closed ? null : reader.read(from, count);
            } catch (Exception | LinkageError e) {
                error = e;
            }
            List<List<Object>> got = data;
            Throwable failed = error;
            ui.execute(() -> arrived(page, got, failed));
        });
    }

    private void arrived(long page, List<List<Object>> data, Throwable error) {
        loading = false;
        requested.remove(page);
        if (closed) {
            return;
        }
        if (error != null) {
            listener.pageFailed(page, error);
        } else if (data != null) {
            pages.put(page, data);
            listener.pageLoaded(page);
        }
        pump();
    }
}
