package dev.osprey.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Row indices for training and validation, reproducible from the validation's seed. */
final class Splits {
    record Split(int[] train, int[] valid) {
    }

    private Splits() {
    }

    static List<Split> of(Validation v, TrainingSet data) throws TrainingException {
        return of(v, data.rows(), data.problemType(), data.y(), data.numClasses());
    }

    /** {@code y} holds the class index of each row for a classification. */
    static List<Split> of(Validation v, int n, ProblemType type, double[] y, int numClasses) throws TrainingException {
        boolean classes = type.isClassification();
        return switch (v) {
            case Validation.Holdout h -> {
                if (n < 4) {
                    throw new TrainingException("A holdout needs at least 4 rows; the data has " + n + ".");
                }
                int[] fold = classes ? stratifiedFolds(labels(y), numClasses, 0, h.ratio(), h.seed())
                        : holdoutFolds(n, h.ratio(), h.seed());
                yield List.of(split(fold, 1));
            }
            case Validation.KFold k -> kFold(k.k(), n, shuffledFolds(n, k.k(), k.seed()));
            case Validation.StratifiedKFold s -> {
                if (!classes) {
                    throw new TrainingException("Stratified k-fold keeps the class mix of a classification; use k-fold for a regression.");
                }
                yield kFold(s.k(), n, stratifiedFolds(labels(y), numClasses, s.k(), 0, s.seed()));
            }
        };
    }

    private static int[] labels(double[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    private static List<Split> kFold(int k, int n, int[] fold) throws TrainingException {
        if (n < 2 * k) {
            throw new TrainingException(k + "-fold validation needs at least " + 2 * k + " rows; the data has " + n + ".");
        }
        List<Split> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            out.add(split(fold, f));
        }
        return out;
    }

    /** Rows whose fold is {@code f} validate; the others train. */
    private static Split split(int[] fold, int f) {
        int[] valid = IntStream.range(0, fold.length).filter(i -> fold[i] == f).toArray();
        int[] train = IntStream.range(0, fold.length).filter(i -> fold[i] != f).toArray();
        return new Split(train, valid);
    }

    /** Fold 1 (validation) holds round(n * ratio) shuffled rows, at least one; fold 0 the rest. */
    private static int[] holdoutFolds(int n, double ratio, long seed) {
        int[] perm = permutation(n, new Random(seed));
        int nValid = Math.max(1, Math.min(n - 2, (int) Math.round(n * ratio)));
        int[] fold = new int[n];
        for (int i = 0; i < nValid; i++) {
            fold[perm[i]] = 1;
        }
        return fold;
    }

    private static int[] shuffledFolds(int n, int k, long seed) {
        int[] perm = permutation(n, new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % k;
        }
        return fold;
    }

    /**
     * Per class, shuffled rows dealt round-robin into k folds (k > 0), or, for a holdout
     * (k == 0), the first round(size * ratio) rows of each class with more than one row go to fold 1.
     */
    private static int[] stratifiedFolds(int[] labels, int classes, int k, double ratio, long seed) {
        Random r = new Random(seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            int[] rows = IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
            int[] perm = permutation(rows.length, r);
            if (k > 0) {
                for (int i = 0; i < rows.length; i++) {
                    fold[rows[perm[i]]] = next++ % k;
                }
            } else {
                int nValid = rows.length < 2 ? 0 : Math.max(1, Math.min(rows.length - 1, (int) Math.round(rows.length * ratio)));
                for (int i = 0; i < nValid; i++) {
                    fold[rows[perm[i]]] = 1;
                }
            }
        }
        return fold;
    }

    static int[] permutation(int n, Random r) {
        int[] p = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
