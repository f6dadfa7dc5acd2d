package dev.osprey.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generated binary-classification data for the training benchmarks: {@code features} columns
 * (half standard normal, half uniform), a label drawn from a logistic model with interactions,
 * thresholds and a sine (so trees have something to find that a line cannot), and about 20% label
 * noise from the draw itself. The same seed gives the same matrix, in memory and as CSV.
 */
record TrainingData(int rows, int features, float[] x, int[] y) {
    static TrainingData generate(int rows, int features, long seed) {
        if (features < 6) {
            throw new IllegalArgumentException("at least 6 features");
        }
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * features];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            int o = i * features;
            for (int j = 0; j < features; j++) {
                x[o + j] = (float) (j % 2 == 0 ? gaussian(r) : r.nextDouble() * 2 - 1);
            }
            double logit = 1.2 * x[o] - 1.5 * x[o + 1] * x[o + 2] + Math.sin(2.5 * x[o + 3])
                    + (x[o + 4] > 0.5 ? 1.0 : -0.4) + 0.6 * x[o + 5] * x[o + 5] - 0.3;
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-2 * logit)) ? 1 : 0;
        }
        return new TrainingData(rows, features, x, y);
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-300, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    float at(int row, int feature) {
        return x[row * features + feature];
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a row-major matrix. */
    float[] rows(int from, int to) {
        float[] out = new float[(to - from) * features];
        System.arraycopy(x, from * features, out, 0, out.length);
        return out;
    }

    /**
     * Writes f0..fN,label as CSV. Float.toString is the shortest text that reads back as the same
     * float, so Osprey (which reads doubles and gives XGBoost floats) sees exactly the peer's matrix.
     */
    void writeCsv(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < features; j++) {
                sb.append('f').append(j).append(',');
            }
            w.append(sb).append("label\n");
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                for (int j = 0; j < features; j++) {
                    sb.append(at(i, j)).append(',');
                }
                sb.append(y[i]).append('\n');
                w.append(sb);
            }
        }
    }
}
