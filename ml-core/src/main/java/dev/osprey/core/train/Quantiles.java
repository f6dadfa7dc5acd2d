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
