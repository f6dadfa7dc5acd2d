package dev.osprey.core.train;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Boosted trees with XGBoost ({@code hist}). Trains round by round so that each round's train
 * and validation metric is reported and a cancel takes effect between rounds. Each curve (the
 * training and the validation metric per round) is over every row of its set up to
 * {@value #CURVE_ROWS} of them, beyond that over a seeded sample of {@value #CURVE_ROWS}; the
 * validation predictions returned (and so the job's final metrics) are over every validation row.
 */
final class XGBoostAlgorithm extends NamedAlgorithm implements EncodedRows.Learner {
    /** Below this many cells (rows x features) XGBoost trains on one thread. */
    static final long SMALL_MATRIX_CELLS = 200_000;

    XGBoostAlgorithm() {
        super("xgboost", "XGBoost (boosted trees)", SUPERVISED, XGBoostOptions.defaults(),
                (id, v) -> XGBoostOptions.from(v));
    }

    @Override
    public Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context)
            throws TrainingException {
        return fit(EncodedRows.of(train), valid.map(EncodedRows::of), options, context);
    }

    @Override
    public Fitted fit(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options, FitContext context)
            throws TrainingException {
        return fitAndPredict(train, valid, options, context).fitted();
    }

    /**
     * The validation predictions come from the booster itself (its prediction cache when the curve
     * covers every validation row, else one pass of all trees), instead of reloading the model.
     */
    @Override
    public EncodedRows.Fit fitAndPredict(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options,
                                         FitContext context) throws TrainingException {
        XGBoostOptions o = (XGBoostOptions) options;
        XGBoostMatrices.Lease lease = null;
        Booster booster = null;
        try {
            // built here, or kept from an earlier fit of the job on the same rows (a tuning job's trials)
            lease = XGBoostMatrices.lease(context.matrices(), train, valid, context.seed());
            DMatrix dtrain = lease.matrices().train();
            DMatrix dvalid = lease.matrices().valid();
            DMatrix dvalidCurve = lease.matrices().validCurve();
            DMatrix dcurve = lease.matrices().trainCurve();
            Map<String, Object> params = params(o, train, context);
            String metric = (String) params.get("eval_metric");
            // The matrices given here become the booster's prediction cache: evalSet then adds only
            // the newest tree's output each round instead of re-predicting with every tree so far
            // (which made 100 rounds on 1M rows 5x slower than XGBoost alone).
            Map<String, DMatrix> cached = new HashMap<>();
            cached.put("train", dcurve);
            if (dvalidCurve != null) {
                cached.put("valid", dvalidCurve);
            }
            booster = XGBoost.train(dtrain, params, 0, cached, null, null);
            DMatrix[] sets = dvalidCurve == null ? new DMatrix[] {dcurve} : new DMatrix[] {dcurve, dvalidCurve};
            String[] names = dvalidCurve == null ? new String[] {"train"} : new String[] {"train", "valid"};
            for (int round = 0; round < o.rounds(); round++) {
                context.checkCancelled();
                booster.update(dtrain, round);
                double[] values = parseEval(booster.evalSet(sets, names, round), names.length);
                context.iteration(round + 1, metric, values[0], names.length > 1 ? values[1] : Double.NaN);
            }
            context.checkCancelled();
            double[] importance = gain(booster, train.features());
            XGBoostPredictor predictor = new XGBoostPredictor(booster.toByteArray("ubj"), train.problemType(),
                    train.numClasses(), train.features());
            Optional<double[][]> validPredictions = dvalid == null ? Optional.empty()
                    : Optional.of(predictor.probabilities(booster.predict(dvalid)));
            return new EncodedRows.Fit(new Fitted(predictor, Optional.of(importance)), validPredictions);
        } catch (XGBoostError e) {
            throw new TrainingException("XGBoost failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (lease != null) {
                lease.close();
            }
        }
    }

    private static Map<String, Object> params(XGBoostOptions o, EncodedRows train, FitContext context) {
        Map<String, Object> p = new HashMap<>();
        p.put("tree_method", "hist");
        p.put("nthread", threadsFor(train, context));
        p.put("seed", context.seed());
        p.put("max_depth", o.maxDepth());
        p.put("eta", o.eta());
        p.put("subsample", o.subsample());
        p.put("colsample_bytree", o.colsampleBytree());
        p.put("min_child_weight", o.minChildWeight());
        p.put("lambda", o.lambda());
        p.put("alpha", o.alpha());
        p.put("verbosity", 0);
        switch (train.problemType()) {
            case REGRESSION -> {
                p.put("objective", "reg:squarederror");
                p.put("eval_metric", "rmse");
            }
            case BINARY -> {
                p.put("objective", "binary:logistic");
                p.put("eval_metric", "logloss");
            }
            case MULTICLASS -> {
                p.put("objective", "multi:softprob");
                p.put("num_class", train.numClasses());
                p.put("eval_metric", "mlogloss");
            }
            case CLUSTERING -> throw new IllegalArgumentException("XGBoost does not cluster");
        }
        return p;
    }

    /**
     * One thread for small matrices: there each round is a few microseconds of work, and OpenMP's
     * barriers between threads (spin-waiting on a busy 2-core machine) cost more than they save
     * (300 rows x 3 classes took 65 s with 2 threads under load, well under a second with one).
     */
    static int threadsFor(EncodedRows train, FitContext context) {
        long cells = (long) train.rows() * train.features();
        return cells < SMALL_MATRIX_CELLS ? 1 : context.threads();
    }

    /** Above this many rows in a set, its per-round metric is measured on a sample of this many. */
    static final int CURVE_ROWS = 20_000;

    static DMatrix matrix(float[] x, float[] labels, int rows, int features) throws XGBoostError {
        DMatrix m = new DMatrix(x, rows, features, Float.NaN);
        if (labels != null) {
            m.setLabel(labels);
        }
        return m;
    }

    static float[] labels(double[] y) {
        float[] label = new float[y.length];
        for (int i = 0; i < label.length; i++) {
            label[i] = (float) y[i];
        }
        return label;
    }

    /** The rows whose training metric is reported each round, ascending; null for all of them (few rows). */
    static int[] curveSample(int rows, long seed) {
        if (rows <= CURVE_ROWS) {
            return null;
        }
        int[] pick = java.util.Arrays.copyOf(Splits.permutation(rows, new java.util.Random(seed)), CURVE_ROWS);
        java.util.Arrays.sort(pick);
        return pick;
    }

    static float[] gatherRows(float[] x, int features, int[] rows) {
        float[] out = new float[rows.length * features];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * features, out, i * features, features);
        }
        return out;
    }

    static float[] gather(float[] v, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    /** "[3]\ttrain-rmse:1.25\tvalid-rmse:1.5" to {1.25, 1.5}. */
    static double[] parseEval(String line, int count) {
        double[] out = new double[count];
        java.util.Arrays.fill(out, Double.NaN);
        String[] parts = line.split("\t");
        for (int i = 1; i < parts.length && i - 1 < count; i++) {
            int colon = parts[i].lastIndexOf(':');
            if (colon > 0) {
                try {
                    out[i - 1] = Double.parseDouble(parts[i].substring(colon + 1).strip());
                } catch (NumberFormatException ignored) {
                    // an unparsable value stays NaN; the final metrics are computed by Osprey anyway
                }
            }
        }
        return out;
    }

    /** Total gain per feature (features never used in a split have 0). */
    private static double[] gain(Booster booster, int features) throws XGBoostError {
        String[] names = new String[features];
        for (int j = 0; j < features; j++) {
            names[j] = "f" + j;
        }
        Map<String, Double> score = booster.getScore(names, "total_gain");
        double[] out = new double[features];
        for (int j = 0; j < features; j++) {
            out[j] = score.getOrDefault(names[j], 0.0);
        }
        return out;
    }
}
