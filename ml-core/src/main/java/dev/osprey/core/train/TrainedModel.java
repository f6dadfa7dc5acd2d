package dev.osprey.core.train;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained model as a user holds it: its signature, the encoding learned from the data, the
 * fitted predictor, the algorithm and options, validation metrics and feature importance.
 * Predicts on raw rows (numbers, strings, booleans, dates) applying the training encoding; a model
 * trained through a wrangling recipe applies the recipe's fitted row-wise transform first.
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
    /**
     * The recipe the model was trained through, or null. Added after the first model files were
     * written: such files read it as null (a new field keeps the serialized form compatible).
     */
    private final RecipeBinding recipe;

    TrainedModel(ModelSignature signature, FeatureEncoder encoder, Predictor predictor, String algorithm,
                 Map<String, String> options, Map<String, Double> metrics, FeatureImportance importance) {
        this.signature = Objects.requireNonNull(signature);
        this.encoder = Objects.requireNonNull(encoder);
        this.predictor = Objects.requireNonNull(predictor);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.options = new LinkedHashMap<>(options);
        this.metrics = new LinkedHashMap<>(metrics);
        this.importance = Objects.requireNonNull(importance);
        this.recipe = null;
    }

    private TrainedModel(TrainedModel m, RecipeBinding recipe) {
        this.signature = m.signature;
        this.encoder = m.encoder;
        this.predictor = m.predictor;
        this.algorithm = m.algorithm;
        this.options = m.options;
        this.metrics = m.metrics;
        this.importance = m.importance;
        this.recipe = recipe;
    }

    /** This model taking raw rows through {@code binding}'s transform before its own encoding. */
    TrainedModel withRecipe(RecipeBinding binding) {
        return new TrainedModel(this, Objects.requireNonNull(binding));
    }

    /**
     * What the model takes: for a model trained through a recipe, the raw columns (the recipe's source
     * columns), which is what predict, the model card, the server and batch scoring use; otherwise the
     * columns it was trained on ({@link #featureSignature()}).
     */
    public ModelSignature signature() {
        return recipe == null ? signature : new ModelSignature(recipe.rawInputs(), signature.output(),
                signature.problemType(), signature.classLabels());
    }

    /** The columns the model itself encodes: the recipe's output columns when it has one. */
    public ModelSignature featureSignature() {
        return signature;
    }

    /** The recipe applied to raw rows before the model's encoding, if the model was trained through one. */
    public java.util.Optional<RecipeBinding> recipe() {
        return java.util.Optional.ofNullable(recipe);
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

    /**
     * Predicts for a row given by column name; absent columns count as missing, unknown names are ignored.
     * A model trained through a recipe takes raw columns and applies the recipe first.
     */
    public Prediction predict(Map<String, ?> row) {
        return prediction(predictor.predict(encodeMap(row)));
    }

    /** Predicts for a row in the order of {@link #signature()}'s inputs. */
    public Prediction predict(Object... row) {
        return prediction(predictor.predict(encode(row)));
    }

    private double[] encodeMap(Map<String, ?> row) {
        return encoder.encode(recipe == null ? row : recipe.transform().apply(row));
    }

    /**
     * Encodes a row in signature order as the predictor sees it; throws {@link IllegalArgumentException}
     * naming the column for a value the model cannot read. With {@link #predictEncoded} it scores
     * many rows in one predictor call (one native matrix for XGBoost instead of one per row).
     */
    public double[] encode(Object... row) {
        if (recipe == null) {
            return encoder.encode(row);
        }
        List<SignatureColumn> raw = recipe.rawInputs();
        if (row.length != raw.size()) {
            throw new IllegalArgumentException("The model expects " + raw.size() + " values "
                    + raw.stream().map(SignatureColumn::name).toList() + ", not " + row.length);
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
            named.put(raw.get(i).name(), row[i]);
        }
        return encodeMap(named);
    }

    /** Predicts rows made by {@link #encode}, in one predictor call. */
    public Prediction[] predictEncoded(double[][] rows) {
        double[][] out = predictor.predict(rows);
        Prediction[] p = new Prediction[out.length];
        for (int i = 0; i < out.length; i++) {
            p[i] = prediction(out[i]);
        }
        return p;
    }

    private Prediction prediction(double[] out) {
        if (signature.problemType() == ProblemType.REGRESSION) {
            return new Prediction(out[0], java.util.Optional.empty(), Map.of());
        }
        if (signature.problemType() == ProblemType.CLUSTERING) {
            // the cluster id, -1 for a row in no cluster (DBSCAN noise)
            return new Prediction(out[0], java.util.Optional.of(out[0] < 0 ? "noise" : Long.toString((long) out[0])), Map.of());
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
                + signature().inputNames() + (recipe == null ? "" : " through " + recipe.describe()) + "]";
    }
}
