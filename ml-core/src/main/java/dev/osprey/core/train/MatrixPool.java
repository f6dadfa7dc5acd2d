package dev.osprey.core.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * XGBoost matrices kept between the fits of one job on the same rows (a tuning job's trials). A
 * new {@code DMatrix} makes XGBoost build its histogram index (quantile cuts, bin per cell) in the
 * first round: on 7,000 x 20 that was 17 of the 20 ms a one-round fit took, paid again by every
 * trial, also by those a pruner stops after a few rounds. A kept matrix has its index already.
 * A fit takes a set for itself ({@link #take}) and gives it back when done, so two trials never
 * use one matrix at once (XGBoost does not promise that is safe); {@code parallelism} trials build
 * at most that many sets per row selection. Free sets are kept up to {@value #MAX_FREE_CELLS}
 * cells; more are freed as they come back. Thread-safe.
 */
final class MatrixPool implements AutoCloseable {
    /** About 0.6 GB of XGBoost's native copies (values, index and bins per cell). */
    static final long MAX_FREE_CELLS = 50_000_000L;

    private final Map<Key, Deque<XGBoostMatrices>> free = new HashMap<>();
    private long freeCells;
    private int built;
    private boolean closed;

    /**
     * Which rows a set holds: the same prepared data (the same instance), the same training and
     * validation rows, the same seed (it picks the curve samples).
     */
    static final class Key {
        private final Prepared data;
        private final int[] train;
        private final int[] valid;
        private final boolean hasValid;
        private final long seed;
        private final int hash;

        private Key(Prepared data, int[] train, Optional<int[]> valid, long seed) {
            this.data = data;
            this.train = train;
            this.hasValid = valid.isPresent();
            this.valid = valid.orElse(null);
            this.seed = seed;
            this.hash = ((System.identityHashCode(data) * 31 + Arrays.hashCode(train)) * 31 + Arrays.hashCode(this.valid)) * 31
                    + Long.hashCode(seed) + (hasValid ? 1 : 0);
        }

        /** The key of a fit's rows, or empty when they do not come from prepared data (nothing to share). */
        static Optional<Key> of(EncodedRows train, Optional<EncodedRows> valid, long seed) {
            if (!(train instanceof EncodedRows.Columnar t)) {
                return Optional.empty();
            }
            if (valid.isPresent() && !(valid.get() instanceof EncodedRows.Columnar v && v.data() == t.data())) {
                return Optional.empty();
            }
            return Optional.of(new Key(t.data(), t.index(), valid.map(v -> ((EncodedRows.Columnar) v).index()), seed));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.data == data && k.seed == seed && k.hasValid == hasValid
                    && Arrays.equals(k.train, train) && Arrays.equals(k.valid, valid);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A kept set for {@code key}, now the caller's, or null when there is none free. */
    synchronized XGBoostMatrices take(Key key) {
        Deque<XGBoostMatrices> sets = free.get(key);
        XGBoostMatrices m = sets == null ? null : sets.poll();
        if (m != null) {
            freeCells -= m.cells();
        }
        if (sets != null && sets.isEmpty()) {
            // the key holds the rows' index arrays: do not keep them for a set that is no longer here
            free.remove(key);
        }
        return m;
    }

    /** Counts a set built for this pool (for tests and the bench). */
    synchronized void built() {
        built++;
    }

    synchronized int builtCount() {
        return built;
    }

    /** Takes back a set after a fit: kept for the next one, or freed when the pool is closed or full. */
    void give(Key key, XGBoostMatrices m) {
        synchronized (this) {
            if (!closed && freeCells + m.cells() <= MAX_FREE_CELLS) {
                free.computeIfAbsent(key, k -> new ArrayDeque<>()).push(m);
                freeCells += m.cells();
                return;
            }
        }
        m.dispose();
    }

    @Override
    public void close() {
        List<XGBoostMatrices> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            free.values().forEach(all::addAll);
            free.clear();
            freeCells = 0;
        }
        all.forEach(XGBoostMatrices::dispose);
    }
}
