package dev.osprey.core.train;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trained model as a user holds it: its signature, the encoding learned from the data, the
 * fitted predictor, the algorithm and options, validation metrics and feature importance.
 * Predicts on raw rows (numbers, strings, booleans, dates) applying the training encoding.
 * Immutable and thread-safe; saved and loaded with {@link ModelFiles}.
 */
public final class TrainedModel implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ModelSignature signature;
    private final FeatureEncoder encoder;
    private final Predictor predictor;
    private final String algorithm;
    private final LinkedHashMap<String, String> options;
    private final LinkedHashMap<String, Double> metrics;
    private final FeatureImportance importance;

    TrainedModel(ModelSignature signature, FeatureEncoder encoder, Predictor predictor, String algorithm,
                 Map<String, String> options, Map<String, Double> metrics, FeatureImportance importance) {
        this.signature = Objects.requireNonNull(signature);
        this.encoder = Objects.requireNonNull(encoder);
        this.predictor = Objects.requireNonNull(predictor);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.options = new LinkedHashMap<>(options);
        this.metrics = new LinkedHashMap<>(metrics);
        this.importance = Objects.requireNonNull(importance);
    }

    public ModelSignature signature() {
        return signature;
    }

    public String algorithm() {
        return algorithm;
    }

    public Map<String, String> options() {
        return Collections.unmodifiableMap(options);
    }

    /** The validation metrics (see {@link Metrics}). */
    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    public FeatureImportance importance() {
        return importance;
    }

    /** Predicts for a row given by column name; absent columns count as missing, unknown names are ignored. */
    public Prediction predict(Map<String, ?> row) {
        return prediction(predictor.predict(encoder.encode(row)));
    }

    /** Predicts for a row in the order of {@link ModelSignature#inputs()}. */
    public Prediction predict(Object... row) {
        return prediction(predictor.predict(encoder.encode(row)));
    }

    private Prediction prediction(double[] out) {
        if (signature.problemType() == ProblemType.REGRESSION) {
            return new Prediction(out[0], java.util.Optional.empty(), Map.of());
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int c = 0; c < signature.classLabels().size(); c++) {
            probabilities.put(signature.classLabels().get(c), out[c]);
        }
        int best = Metrics.argmax(out);
        return new Prediction(out[best], java.util.Optional.of(signature.classLabels().get(best)), probabilities);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (signature == null || encoder == null || predictor == null || algorithm == null || options == null
                || metrics == null || importance == null) {
            throw new InvalidObjectException("an incomplete model");
        }
        if (!encoder.columns().equals(signature.inputs())) {
            throw new InvalidObjectException("the model's encoding does not match its signature");
        }
        if (signature.problemType().isClassification() && signature.classLabels().size() < 2) {
            throw new InvalidObjectException("a classifier with fewer than two classes");
        }
    }

    @Override
    public String toString() {
        return "TrainedModel[" + algorithm + ", " + signature.problemType() + ", " + signature.output() + " ~ "
                + signature.inputNames() + "]";
    }
}
