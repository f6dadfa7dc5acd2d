package dev.osprey.core.train;

/** Exact median by selection (O(n)) rather than a full sort of every column. */
final class Quantiles {
    private Quantiles() {
    }

    /** The median of {@code a} (non-empty, no NaN); {@code a} is reordered. */
    static double median(double[] a) {
        int n = a.length;
        int k = n / 2;
        select(a, k);
        if (n % 2 == 1) {
            return a[k];
        }
        double below = a[0];
        for (int i = 1; i < k; i++) {
            below = Math.max(below, a[i]);
        }
        return (below + a[k]) / 2;
    }

    /** Buckets of {@link #summarize}: the top 16 bits of each value's order key. */
    private static final int BUCKETS = 1 << 16;

    /**
     * How many values of {@code a} are not NaN, their least and greatest, and (through
     * {@link Summary#median}) their median, from one pass over {@code a} that also counts the values
     * per bucket of their top bits; {@code a} is never reordered or copied.
     */
    static Summary summarize(double[] a) {
        int[] count = new int[BUCKETS];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int present = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                present++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                count[bucket(v)]++;
            }
        }
        return new Summary(present, min, max, count);
    }

    /** The median of the values of {@code a} that are not NaN (at least one); the same as {@link #median} of those. */
    static double medianIgnoringNaN(double[] a) {
        return summarize(a).median(a);
    }

    /** What {@link #summarize} found; {@code count} is per bucket. */
    record Summary(int present, double min, double max, int[] count) {
        /**
         * The exact median of the values summarized (at least one): a second pass gathers only the
         * one or two buckets that hold the middle rank(s), and a selection in those finishes. A column
         * of a million values costs two streaming passes instead of a copy and several passes of swaps.
         */
        double median(double[] a) {
            int k = present / 2;
            int lowRank = present % 2 == 1 ? k : k - 1;
            int below = 0;
            int first = 0;
            while (below + count[first] <= lowRank) {
                below += count[first++];
            }
            int last = first;
            int upTo = below + count[first];
            while (upTo <= k) {
                upTo += count[++last];
            }
            double[] work = new double[upTo - below];
            int at = 0;
            for (double v : a) {
                if (!Double.isNaN(v)) {
                    int b = bucket(v);
                    if (b >= first && b <= last) {
                        work[at++] = v;
                    }
                }
            }
            int kk = k - below;
            select(work, kk);
            if (present % 2 == 1) {
                return work[kk];
            }
            double lower = work[0];
            for (int i = 1; i < kk; i++) {
                lower = Math.max(lower, work[i]);
            }
            return (lower + work[kk]) / 2;
        }
    }

    /** The top 16 bits of a key that orders doubles as their values do (negative values below positive). */
    private static int bucket(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long key = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        return (int) (key >>> 48) ^ 0x8000;
    }

    /** Reorders {@code a} so that a[k] is the k-th smallest, smaller-or-equal values before it, greater-or-equal after. */
    static void select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = medianOf3(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static double medianOf3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
