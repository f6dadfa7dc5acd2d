package dev.osprey.app.data.grid;

import javafx.collections.ObservableListBase;

import java.util.AbstractList;
import java.util.List;

/**
 * The grid's items: the row numbers {@code offset} .. {@code offset + size - 1}, computed, never
 * stored. A TableView over it holds only the cells on screen, so a 10,000,000-row table costs no
 * more memory than a 10-row one. For a large table it is a window that {@link RowWindow} moves
 * ({@link #moveTo}); its size never changes.
 */
final class RowIndexList extends ObservableListBase<Long> {
    private final int size;
    private long offset;

    RowIndexList(long size) {
        this(0, size);
    }

    RowIndexList(long offset, long size) {
        // A TableView counts rows in an int; 2^31 rows is far beyond what the grid is for.
        this.offset = offset;
        this.size = (int) Math.min(size, Integer.MAX_VALUE - 1);
    }

    long offset() {
        return offset;
    }

    /**
     * Shows rows from {@code newOffset} on: one "all replaced" change, so the table keeps its cells
     * and only refills them (a new items list would rebuild every cell).
     */
    void moveTo(long newOffset) {
        if (newOffset == offset) {
            return;
        }
        long old = offset;
        offset = newOffset;
        List<Long> removed = new AbstractList<>() {
            @Override
            public Long get(int index) {
                return old + index;
            }

            @Override
            public int size() {
                return size;
            }
        };
        beginChange();
        nextReplace(0, size, removed);
        endChange();
    }

    @Override
    public Long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return offset + index;
    }

    @Override
    public int size() {
        return size;
    }
}
