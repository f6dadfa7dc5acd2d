package dev.osprey.app.data.grid;

import javafx.collections.ObservableListBase;

/**
 * The grid's items: the numbers 0 .. size-1, computed, never stored. A TableView over it holds
 * only the cells on screen, so a 10,000,000-row table costs no more memory than a 10-row one.
 * It never changes; a new table gets a new list.
 */
final class RowIndexList extends ObservableListBase<Long> {
    private final int size;

    RowIndexList(long size) {
        // A TableView counts rows in an int; 2^31 rows is far beyond what the grid is for.
        this.size = (int) Math.min(size, Integer.MAX_VALUE - 1);
    }

    @Override
    public Long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (long) index;
    }

    @Override
    public int size() {
        return size;
    }
}
