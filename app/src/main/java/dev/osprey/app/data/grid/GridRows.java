package dev.osprey.app.data.grid;

import java.util.List;

/** What the grid's cells read: a row by index, or null while it loads. */
public interface GridRows {
    GridRows EMPTY = of(List.of());

    long size();

    List<Object> row(long index);

    /** Rows already in memory (a recipe preview). */
    static GridRows of(List<List<Object>> rows) {
        List<List<Object>> copy = List.copyOf(rows);
        return new GridRows() {
            @Override
            public long size() {
                return copy.size();
            }

            @Override
            public List<Object> row(long index) {
                return index >= 0 && index < copy.size() ? copy.get((int) index) : null;
            }
        };
    }

    /** Rows read page by page through {@code cache}. */
    static GridRows of(PageCache cache) {
        return new GridRows() {
            @Override
            public long size() {
                return cache.rows();
            }

            @Override
            public List<Object> row(long index) {
                return cache.row(index);
            }
        };
    }
}
