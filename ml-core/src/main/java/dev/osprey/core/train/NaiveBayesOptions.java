package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/**
 * Naive Bayes: {@code var_smoothing} is the share of the largest feature variance added to every
 * Gaussian variance (keeps a feature constant within a class from dominating); {@code alpha} is
 * the Laplace smoothing of the 0/1 features (one-hot categories, booleans).
 */
public record NaiveBayesOptions(double varSmoothing, double alpha) implements AlgorithmOptions {
    public NaiveBayesOptions {
        range("var_smoothing", varSmoothing, 0, 1);
        openRange("alpha", alpha, 0, 100);
    }

    public static NaiveBayesOptions defaults() {
        return new NaiveBayesOptions(1e-9, 1.0);
    }

    public static NaiveBayesOptions from(Map<String, String> values) throws TrainingException {
        NaiveBayesOptions d = defaults();
        OptionReader r = new OptionReader("naive_bayes", values, d);
        double smoothing = r.decimal("var_smoothing", d.varSmoothing);
        double alpha = r.decimal("alpha", d.alpha);
        return OptionReader.build(() -> new NaiveBayesOptions(smoothing, alpha));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("var_smoothing", Double.toString(varSmoothing));
        m.put("alpha", Double.toString(alpha));
        return m;
    }
}
