package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/** XGBoost hyperparameters (names as in XGBoost's own documentation). */
public record XGBoostOptions(int rounds, int maxDepth, double eta, double subsample, double colsampleBytree,
                             double minChildWeight, double lambda, double alpha) implements AlgorithmOptions {
    public XGBoostOptions {
        range("rounds", rounds, 1, 5000);
        range("max_depth", maxDepth, 1, 32);
        openRange("eta", eta, 0, 1);
        openRange("subsample", subsample, 0, 1);
        openRange("colsample_bytree", colsampleBytree, 0, 1);
        range("min_child_weight", minChildWeight, 0, 1e6);
        range("lambda", lambda, 0, 1e6);
        range("alpha", alpha, 0, 1e6);
    }

    public static XGBoostOptions defaults() {
        return new XGBoostOptions(100, 6, 0.3, 1, 1, 1, 1, 0);
    }

    public static XGBoostOptions from(Map<String, String> values) throws TrainingException {
        XGBoostOptions d = defaults();
        OptionReader r = new OptionReader("xgboost", values, d);
        int rounds = r.integer("rounds", d.rounds);
        int depth = r.integer("max_depth", d.maxDepth);
        double eta = r.decimal("eta", d.eta);
        double sub = r.decimal("subsample", d.subsample);
        double col = r.decimal("colsample_bytree", d.colsampleBytree);
        double mcw = r.decimal("min_child_weight", d.minChildWeight);
        double lambda = r.decimal("lambda", d.lambda);
        double alpha = r.decimal("alpha", d.alpha);
        return OptionReader.build(() -> new XGBoostOptions(rounds, depth, eta, sub, col, mcw, lambda, alpha));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rounds", Integer.toString(rounds));
        m.put("max_depth", Integer.toString(maxDepth));
        m.put("eta", Double.toString(eta));
        m.put("subsample", Double.toString(subsample));
        m.put("colsample_bytree", Double.toString(colsampleBytree));
        m.put("min_child_weight", Double.toString(minChildWeight));
        m.put("lambda", Double.toString(lambda));
        m.put("alpha", Double.toString(alpha));
        return m;
    }
}
