package dev.osprey.core.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Distinct doubles (as {@link Double#equals} tells them apart) each with an int, for a target
 * column that holds a few distinct values in a million rows: the first few are found by a scan of
 * a small primitive array, so a row costs a few comparisons instead of boxing a Double into a
 * hash map; past {@value #SMALL} distinct values a hash map takes over.
 */
final class SmallDoubleTable {
    private static final int SMALL = 32;

    private long[] keys = new long[SMALL];
    private int[] values = new int[SMALL];
    private int size;
    private Map<Long, Integer> large;

    /** The slot of {@code v}, or -1 when it was not added. */
    int find(double v) {
        long bits = Double.doubleToLongBits(v);
        int small = Math.min(size, SMALL);
        for (int i = 0; i < small; i++) {
            if (keys[i] == bits) {
                return i;
            }
        }
        if (large == null) {
            return -1;
        }
        Integer slot = large.get(bits);
        return slot == null ? -1 : slot;
    }

    /** Adds {@code v} (not yet present) with {@code value}; returns its slot. */
    int add(double v, int value) {
        long bits = Double.doubleToLongBits(v);
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = bits;
        values[size] = value;
        if (size >= SMALL) {
            if (large == null) {
                large = new HashMap<>();
            }
            large.put(bits, size);
        }
        return size++;
    }

    int value(int slot) {
        return values[slot];
    }

    int size() {
        return size;
    }
}
