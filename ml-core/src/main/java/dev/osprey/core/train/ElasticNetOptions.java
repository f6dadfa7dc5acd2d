package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/** Elastic net: the L1 penalty {@code lambda1}, the L2 penalty {@code lambda2} (both above 0) and the iteration cap. */
public record ElasticNetOptions(double lambda1, double lambda2, int maxIter) implements AlgorithmOptions {
    public ElasticNetOptions {
        openRange("lambda1", lambda1, 0, 1e6);
        openRange("lambda2", lambda2, 0, 1e6);
        range("max_iter", maxIter, 1, 100_000);
    }

    public static ElasticNetOptions defaults() {
        return new ElasticNetOptions(0.1, 0.1, 1000);
    }

    public static ElasticNetOptions from(Map<String, String> values) throws TrainingException {
        ElasticNetOptions d = defaults();
        OptionReader r = new OptionReader("elastic_net", values, d);
        double l1 = r.decimal("lambda1", d.lambda1);
        double l2 = r.decimal("lambda2", d.lambda2);
        int iter = r.integer("max_iter", d.maxIter);
        return OptionReader.build(() -> new ElasticNetOptions(l1, l2, iter));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lambda1", Double.toString(lambda1));
        m.put("lambda2", Double.toString(lambda2));
        m.put("max_iter", Integer.toString(maxIter));
        return m;
    }
}
