package dev.osprey.app.data.grid;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache with a manual loader: newest request first, bounded queue and memory, placeholders until loaded. */
class PageCacheTest {
    private final Deque<Runnable> loads = new ArrayDeque<>();
    private final List<Long> loaded = new ArrayList<>();
    private final List<Long> read = new ArrayList<>();

    private PageCache cache(long rows) {
        return cache(rows, 0);
    }

    private PageCache cache(long rows, long settleMs) {
        return new PageCache(rows, (from, count, ctx) -> {
            read.add(from / PageCache.PAGE_ROWS);
            List<List<Object>> page = new ArrayList<>();
            for (long i = from; i < from + count; i++) {
                page.add(List.of(i));
            }
            return page;
        }, loads::add, Runnable::run, new PageCache.Listener() {
            @Override
            public void pageLoaded(long page) {
                loaded.add(page);
            }

            @Override
            public void pageFailed(long page, Throwable error) {
                throw new AssertionError(error);
            }
        }, settleMs);
    }

    private void runLoads() {
        while (!loads.isEmpty()) {
            loads.poll().run();
        }
    }

    @Test
    void aRowIsNullUntilItsPageArrives() {
        PageCache c = cache(10_000);
        assertThat(c.row(1234)).isNull();
        runLoads();
        assertThat(c.row(1234)).containsExactly(1234L);
        assertThat(c.row(10_000)).isNull();
        assertThat(loaded).containsExactly(2L);
    }

    @Test
    void theNewestRequestIsReadFirstAndOnlyTheLastFramesPagesAreRead() throws Exception {
        PageCache c = cache(1_000_000);
        c.row(0);          // page 0, then a jump far away (a fling) before the loader runs
        Thread.sleep(20);
        c.row(600_000);    // page 1200: an earlier frame
        Thread.sleep(20);
        c.row(900_000);    // page 1800 and its neighbour on the same screen
        c.row(900_499 + 1);
        runLoads();
        // the pages flown past are never read; the two on screen are, newest first
        assertThat(read).containsExactly(1801L, 1800L);
        assertThat(c.row(900_000)).containsExactly(900_000L);
    }

    @Test
    void aFlingWaitsUntilTheTargetIsStill() throws Exception {
        PageCache c = cache(1_000_000, 150);
        c.row(0);                  // after a quiet spell: read at once
        runLoads();
        assertThat(read).containsExactly(0L);
        for (long p = 10; p < 20; p++) {
            c.row(p * PageCache.PAGE_ROWS); // a new page each frame
            Thread.sleep(10);
        }
        runLoads();               // the loader waits until the target has been still, then reads the screen's page
        assertThat(read).containsExactly(0L, 19L);
    }

    @Test
    void aReadOfAPageScrolledFarAwayIsCancelled() {
        List<Boolean> cancelled = new ArrayList<>();
        PageCache[] box = new PageCache[1];
        PageCache c = new PageCache(1_000_000, (from, count, ctx) -> {
            if (from == 0) {
                box[0].row(700_000); // the user flung away while page 0 was read
                cancelled.add(ctx.isCancelled());
            }
            read.add(from / PageCache.PAGE_ROWS);
            return List.of(List.of(from));
        }, loads::add, Runnable::run, new PageCache.Listener() {
            @Override
            public void pageLoaded(long page) {
                loaded.add(page);
            }

            @Override
            public void pageFailed(long page, Throwable error) {
                throw new AssertionError(error);
            }
        }, 0);
        box[0] = c;
        c.row(0);
        runLoads();
        assertThat(cancelled).containsExactly(true);
        assertThat(loaded).containsExactly(1400L); // page 0's stale rows were dropped, not shown
        assertThat(c.row(0)).isNull();
    }

    @Test
    void aPagePutWithTheOpeningIsNotReadAgain() {
        PageCache c = cache(10_000);
        c.put(0, List.of(List.of(0L), List.of(1L)));
        assertThat(c.row(1)).containsExactly(1L);
        runLoads();
        assertThat(read).isEmpty();
    }

    @Test
    void memoryAndQueueStayBounded() {
        PageCache c = cache(100_000_000);
        for (long p = 0; p < 1000; p++) {
            c.row(p * PageCache.PAGE_ROWS);
            if (p % 50 == 0) {
                runLoads();
            }
        }
        runLoads();
        assertThat(c.cachedPages()).isLessThanOrEqualTo(PageCache.MAX_PAGES);
        assertThat(read.size()).isLessThan(1000); // pages scrolled past were dropped from the queue
        assertThat(c.row(999L * PageCache.PAGE_ROWS)).containsExactly(999L * PageCache.PAGE_ROWS);
    }
}
