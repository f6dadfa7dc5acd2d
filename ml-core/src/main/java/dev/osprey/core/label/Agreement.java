package dev.osprey.core.label;

/**
 * Chance-corrected agreement between annotators on class labels. Labels are class indexes
 * {@code 0..classes-1}; {@link #MISSING} marks an item an annotator did not label.
 *
 * <p>Cohen's kappa compares two annotators, Fleiss' kappa any fixed number per item, and
 * Krippendorff's alpha (nominal) tolerates missing labels and a varying number per item, so it
 * is the one to quote when annotators label different subsets.
 */
public final class Agreement {
    /** An item the annotator did not label. */
    public static final int MISSING = -1;

    private Agreement() {
    }

    /**
     * Cohen's kappa of two annotators over the items both labelled. When chance agreement is
     * total (both always gave the same single class) kappa is undefined; this returns 1 if they
     * agree everywhere, which is what a dashboard should show.
     */
    public static double cohensKappa(int[] a, int[] b, int classes) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("the two annotators' label lists differ in length: "
                    + a.length + " and " + b.length);
        }
        double[] margA = new double[classes];
        double[] margB = new double[classes];
        int n = 0;
        int agree = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == MISSING || b[i] == MISSING) {
                continue;
            }
            check(a[i], classes);
            check(b[i], classes);
            margA[a[i]]++;
            margB[b[i]]++;
            n++;
            if (a[i] == b[i]) {
                agree++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the two annotators have no item in common");
        }
        double po = (double) agree / n;
        double pe = 0;
        for (int c = 0; c < classes; c++) {
            pe += (margA[c] / n) * (margB[c] / n);
        }
        return pe >= 1.0 ? (po >= 1.0 ? 1.0 : 0.0) : (po - pe) / (1 - pe);
    }

    /**
     * Fleiss' kappa from per-item class counts ({@code counts[item][class]} = how many annotators
     * chose that class). Every item must have the same number of annotations.
     */
    public static double fleissKappa(int[][] counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("no items");
        }
        int classes = counts[0].length;
        int raters = sum(counts[0]);
        if (raters < 2) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least two annotations per item");
        }
        double[] classTotals = new double[classes];
        double meanP = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != classes || sum(counts[i]) != raters) {
                throw new IllegalArgumentException("item " + i + " has " + sum(counts[i])
                        + " annotations; Fleiss' kappa needs the same number (" + raters + ") on every item");
            }
            double agreeing = 0;
            for (int c = 0; c < classes; c++) {
                classTotals[c] += counts[i][c];
                agreeing += (double) counts[i][c] * (counts[i][c] - 1);
            }
            meanP += agreeing / ((double) raters * (raters - 1));
        }
        meanP /= counts.length;
        double total = (double) counts.length * raters;
        double pe = 0;
        for (double t : classTotals) {
            pe += (t / total) * (t / total);
        }
        return pe >= 1.0 ? (meanP >= 1.0 ? 1.0 : 0.0) : (meanP - pe) / (1 - pe);
    }

    /**
     * Krippendorff's alpha for nominal labels, {@code labels[item][annotator]} with
     * {@link #MISSING} where an annotator did not label the item. Items with fewer than two
     * labels are not pairable and do not count.
     */
    public static double krippendorffAlpha(int[][] labels, int classes) {
        double[][] coincidence = new double[classes][classes];
        for (int[] unit : labels) {
            int m = 0;
            int[] perClass = new int[classes];
            for (int v : unit) {
                if (v != MISSING) {
                    check(v, classes);
                    perClass[v]++;
                    m++;
                }
            }
            if (m < 2) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k < classes; k++) {
                    double pairs = c == k ? (double) perClass[c] * (perClass[c] - 1) : (double) perClass[c] * perClass[k];
                    coincidence[c][k] += pairs / (m - 1);
                }
            }
        }
        double[] nc = new double[classes];
        double n = 0;
        double disagreeObserved = 0;
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < classes; k++) {
                nc[c] += coincidence[c][k];
                if (c != k) {
                    disagreeObserved += coincidence[c][k];
                }
            }
            n += nc[c];
        }
        if (n < 2) {
            throw new IllegalArgumentException("Krippendorff's alpha needs at least one item labelled twice");
        }
        double disagreeExpected = 0;
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < classes; k++) {
                if (c != k) {
                    disagreeExpected += nc[c] * nc[k];
                }
            }
        }
        if (disagreeExpected == 0) {
            return disagreeObserved == 0 ? 1.0 : 0.0;
        }
        return 1 - (n - 1) * disagreeObserved / disagreeExpected;
    }

    private static int sum(int[] xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    private static void check(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is outside the " + classes + " classes");
        }
    }
}
