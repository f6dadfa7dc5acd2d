package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/**
 * Multilayer perceptron: {@code hidden_layers} layers of {@code hidden_units} ReLU units,
 * trained by mini-batch gradient descent with momentum for {@code epochs} passes.
 */
public record MlpOptions(int hiddenLayers, int hiddenUnits, int epochs, int batchSize, double learningRate,
                         double momentum, double weightDecay) implements AlgorithmOptions {
    public MlpOptions {
        range("hidden_layers", hiddenLayers, 1, 5);
        range("hidden_units", hiddenUnits, 1, 1024);
        range("epochs", epochs, 1, 10_000);
        range("batch_size", batchSize, 1, 4096);
        openRange("learning_rate", learningRate, 0, 1);
        range("momentum", momentum, 0, 0.99);
        range("weight_decay", weightDecay, 0, 1);
    }

    public static MlpOptions defaults() {
        return new MlpOptions(1, 32, 50, 32, 0.01, 0.9, 0);
    }

    public static MlpOptions from(Map<String, String> values) throws TrainingException {
        MlpOptions d = defaults();
        OptionReader r = new OptionReader("mlp", values, d);
        int layers = r.integer("hidden_layers", d.hiddenLayers);
        int units = r.integer("hidden_units", d.hiddenUnits);
        int epochs = r.integer("epochs", d.epochs);
        int batch = r.integer("batch_size", d.batchSize);
        double rate = r.decimal("learning_rate", d.learningRate);
        double momentum = r.decimal("momentum", d.momentum);
        double decay = r.decimal("weight_decay", d.weightDecay);
        return OptionReader.build(() -> new MlpOptions(layers, units, epochs, batch, rate, momentum, decay));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden_layers", Integer.toString(hiddenLayers));
        m.put("hidden_units", Integer.toString(hiddenUnits));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("learning_rate", Double.toString(learningRate));
        m.put("momentum", Double.toString(momentum));
        m.put("weight_decay", Double.toString(weightDecay));
        return m;
    }
}
