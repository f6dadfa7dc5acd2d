package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.osprey.core.train.OptionReader.openRange;
import static dev.osprey.core.train.OptionReader.range;

/**
 * Support vector machine: the kernel ({@code gaussian} or {@code linear}), the soft-margin
 * penalty {@code c}, the Gaussian kernel's width {@code sigma} (0 means sqrt(p/2) on the
 * standardised features, the usual "scale" default) and the passes over the data.
 */
public record SvmOptions(String kernel, double c, double sigma, int epochs) implements AlgorithmOptions {
    public static final List<String> KERNELS = List.of("gaussian", "linear");

    public SvmOptions {
        if (!KERNELS.contains(kernel)) {
            throw new IllegalArgumentException("kernel must be one of " + String.join(", ", KERNELS) + ", not '" + kernel + "'");
        }
        openRange("c", c, 0, 1e6);
        range("sigma", sigma, 0, 1e6);
        range("epochs", epochs, 1, 100);
    }

    public static SvmOptions defaults() {
        return new SvmOptions("gaussian", 1.0, 0, 2);
    }

    public static SvmOptions from(Map<String, String> values) throws TrainingException {
        SvmOptions d = defaults();
        OptionReader r = new OptionReader("svm", values, d);
        String kernel = r.choice("kernel", d.kernel, KERNELS);
        double c = r.decimal("c", d.c);
        double sigma = r.decimal("sigma", d.sigma);
        int epochs = r.integer("epochs", d.epochs);
        return OptionReader.build(() -> new SvmOptions(kernel, c, sigma, epochs));
    }

    @Override
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kernel", kernel);
        m.put("c", Double.toString(c));
        m.put("sigma", Double.toString(sigma));
        m.put("epochs", Integer.toString(epochs));
        return m;
    }
}
