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
        return new PageCache(rows, (from, count) -> {
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
        });
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
    void theNewestRequestIsReadFirst() {
        PageCache c = cache(1_000_000);
        c.row(0);          // starts loading page 0 at once
        c.row(600);        // queued: page 1
        c.row(900_000);    // queued later: page 1800, read before page 1
        runLoads();
        assertThat(read).containsExactly(0L, 1800L, 1L);
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
