package dev.osprey.app.data.grid;

import dev.osprey.core.job.JobContext;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The rows the grid has read, as fixed-size pages in a least-recently-used map, so memory stays
 * bounded whatever the table's size.
 *
 * <p>Loading is coalesced so that a fling through millions of rows costs no reads on the way:
 * at most one page is read at a time, on {@code loader}; a request made while the wanted page
 * keeps changing (the user is scrolling past) waits until the target has been still for
 * {@code settle}, and then only the pages asked for in the last moment before it are read
 * (the ones on screen). A read whose page is no longer wanted is cancelled. Cells that still show
 * a placeholder ask again when any page arrives, so nothing on screen is forgotten.
 *
 * <p>{@link #row} and the listener run on the UI thread; the wanted set is shared with the loader
 * under this object's lock; {@link PageReader#read} runs on {@code loader}.
 */
public final class PageCache {
    public static final int PAGE_ROWS = 500;
    static final int MAX_PAGES = 200;
    /** Pages remembered as wanted: a viewport spans at most two pages; older wishes are dropped. */
    static final int MAX_WANTED = 4;
    /** How long the wanted page must stay the same before a scroll counts as settled. */
    public static final long SETTLE_MS = 100;
    /** Requests this close to the newest one were made by the same frame (the same viewport). */
    private static final long SAME_FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(8);

    /** Reads rows {@code from} .. {@code from + count - 1} (off the UI thread); {@code ctx} is cancelled when stale. */
    @FunctionalInterface
    public interface PageReader {
        List<List<Object>> read(long from, int count, JobContext ctx) throws Exception;
    }

    /** Told on the UI thread when a page arrived or failed. */
    public interface Listener {
        void pageLoaded(long page);

        void pageFailed(long page, Throwable error);
    }

    private final Executor loader;
    private final Executor ui;
    private final Listener listener;
    private final long settleNanos;
    private final Map<Long, List<List<Object>>> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<List<Object>>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final long rows;
    private volatile PageReader reader;
    private volatile boolean closed;

    // --- shared with the loader, guarded by this ---
    /** Wanted page -> when it was last asked for; insertion order = newest last. */
    private final LinkedHashMap<Long, Long> wanted = new LinkedHashMap<>();
    /** Pages being read or read and not yet handed to the UI thread. */
    private final Set<Long> inTransit = new HashSet<>();
    private long target = -1;
    private long lastChange;
    private long readyAt;
    private boolean running;
    private long reading = -1;
    private Ticket ticket;

    public PageCache(long rows, PageReader reader, Executor loader, Executor ui, Listener listener) {
        this(rows, reader, loader, ui, listener, SETTLE_MS);
    }

    public PageCache(long rows, PageReader reader, Executor loader, Executor ui, Listener listener, long settleMs) {
        this.rows = rows;
        this.reader = reader;
        this.loader = loader;
        this.ui = ui;
        this.listener = listener;
        this.settleNanos = TimeUnit.MILLISECONDS.toNanos(settleMs);
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

    /** Puts a page read elsewhere (the first page, read with the table's opening). UI thread. */
    public void put(long page, List<List<Object>> data) {
        if (!closed) {
            pages.put(page, List.copyOf(data));
        }
    }

    /**
     * Reads further pages from {@code next} (the same rows in the same order, e.g. the snapshot
     * that replaces the live source), keeping what is loaded: the screen does not flicker.
     */
    public void readFrom(PageReader next) {
        this.reader = next;
    }

    int cachedPages() {
        return pages.size();
    }

    /** Stops loading; a read under way is cancelled and pages that arrive later are dropped. */
    public void close() {
        closed = true;
        synchronized (this) {
            wanted.clear();
            if (ticket != null) {
                ticket.cancel();
            }
        }
        pages.clear();
    }

    private void request(long page) {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (inTransit.contains(page)) {
                return;
            }
            wanted.remove(page);
            wanted.put(page, now);
            while (wanted.size() > MAX_WANTED) {
                wanted.remove(wanted.keySet().iterator().next());
            }
            if (page != target) {
                // After a quiet spell the first request is read at once; while the target keeps moving
                // (a fling), the read waits until it has been still for the settle time.
                boolean quiet = target < 0 || now - lastChange >= settleNanos;
                readyAt = quiet ? now : now + settleNanos;
                lastChange = now;
                target = page;
                if (reading >= 0 && Math.abs(reading - page) > 1 && ticket != null) {
                    ticket.cancel(); // the page being read has scrolled far away (a neighbour may share the screen)
                }
            }
            if (running) {
                return;
            }
            running = true;
        }
        loader.execute(this::loadLoop);
    }

    /** The loader's work: read wanted pages one at a time until none is left. */
    private void loadLoop() {
        while (true) {
            long page;
            Ticket t;
            synchronized (this) {
                if (closed || wanted.isEmpty()) {
                    running = false;
                    return;
                }
                long wait = readyAt - System.nanoTime();
                if (wait <= 0) {
                    page = newestOnScreen();
                    wanted.remove(page);
                    inTransit.add(page);
                    reading = page;
                    t = new Ticket();
                    ticket = t;
                } else {
                    page = -1;
                    t = null;
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, wait);
                    } catch (InterruptedException e) {
                        running = false;
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (page >= 0) {
                read(page, t);
            }
        }
    }

    /** The newest wanted page; the others are kept only if the same frame asked for them. */
    private long newestOnScreen() {
        long newest = -1;
        long newestAt = 0;
        for (Map.Entry<Long, Long> e : wanted.entrySet()) {
            newest = e.getKey();
            newestAt = e.getValue();
        }
        long cut = newestAt - SAME_FRAME_NANOS;
        wanted.values().removeIf(at -> at < cut);
        return newest;
    }

    private void read(long page, Ticket t) {
        long from = page * PAGE_ROWS;
        int count = (int) Math.min(PAGE_ROWS, rows - from);
        List<List<Object>> data = null;
        Throwable error = null;
        try {
            if (!closed && !t.isCancelled()) {
                data = reader.read(from, count, t);
            }
        } catch (Exception | LinkageError e) {
            error = e;
        }
        boolean stale = t.isCancelled();
        synchronized (this) {
            reading = -1;
            ticket = null;
        }
        List<List<Object>> got = stale ? null : data;
        Throwable failed = stale ? null : error;
        ui.execute(() -> arrived(page, got, failed));
    }

    private void arrived(long page, List<List<Object>> data, Throwable error) {
        synchronized (this) {
            inTransit.remove(page);
        }
        if (closed) {
            return;
        }
        if (error != null) {
            listener.pageFailed(page, error);
        } else if (data != null) {
            pages.put(page, data);
            listener.pageLoaded(page);
        }
    }

    /** The cancel switch of one page read (DuckDB's statement is cancelled through {@link #onCancel}). */
    private static final class Ticket implements JobContext {
        private volatile boolean cancelled;
        private Runnable hook;

        void cancel() {
            Runnable h;
            synchronized (this) {
                cancelled = true;
                h = hook;
                hook = null;
            }
            if (h != null) {
                h.run();
            }
        }

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public void log(String line) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void onCancel(Runnable h) {
            boolean now;
            synchronized (this) {
                now = cancelled;
                if (!now) {
                    hook = h;
                }
            }
            if (now) {
                h.run();
            }
        }
    }
}
