package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Small generated datasets imported into a real workspace (real SQLite catalog, real DuckDB). */
public final class TrainFixture {
    private TrainFixture() {
    }

    /** Imports {@code csv} as {@code name} and applies column types (name to type). */
    public static Dataset importCsv(Engine engine, Path dir, String name, String csv, Map<String, ColumnType> types)
            throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".csv"), csv, StandardCharsets.UTF_8);
        Dataset d = engine.datasets().importFile(ImportRequest.of(file), null);
        if (types.isEmpty()) {
            return d;
        }
        List<Column> cols = new ArrayList<>();
        for (Column c : d.columns()) {
            cols.add(types.containsKey(c.name()) ? c.withType(types.get(c.name())) : c);
        }
        return engine.datasets().updateSchema(d.id(), cols);
    }

    /** y = 2 x1 + 3 x2 + effect(color) + noise; some x2 missing. */
    public static String regression(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("x1,x2,color,y\n");
        String[] colors = {"red", "green", "blue"};
        double[] effect = {5, 0, -5};
        for (int i = 0; i < rows; i++) {
            double x1 = 10 * r.nextDouble();
            double x2 = r.nextGaussian() * 2;
            int c = r.nextInt(3);
            double y = 2 * x1 + 3 * x2 + effect[c] + r.nextGaussian();
            sb.append(fmt(x1)).append(',').append(i % 17 == 0 ? "" : fmt(x2)).append(',').append(colors[c]).append(',')
                    .append(fmt(y)).append('\n');
        }
        return sb.toString();
    }

    /** label yes/no from a noisy linear rule of x1, x2 and the color. */
    public static String binary(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("x1,x2,color,label\n");
        String[] colors = {"red", "green", "blue"};
        double[] effect = {1.5, 0, -1.5};
        for (int i = 0; i < rows; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            int c = r.nextInt(3);
            double score = 2 * x1 - x2 + effect[c] + 0.5 * r.nextGaussian();
            sb.append(fmt(x1)).append(',').append(fmt(x2)).append(',').append(colors[c]).append(',')
                    .append(score > 0.3 ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }

    /** Three classes a, b, c: the nearest of three centres in (x1, x2), with noise. */
    public static String multiclass(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("x1,x2,x3,species\n");
        double[][] centres = {{0, 0}, {3, 0}, {0, 3}};
        for (int i = 0; i < rows; i++) {
            int c = r.nextInt(3);
            double x1 = centres[c][0] + r.nextGaussian();
            double x2 = centres[c][1] + r.nextGaussian();
            sb.append(fmt(x1)).append(',').append(fmt(x2)).append(',').append(fmt(r.nextDouble())).append(',')
                    .append("abc".charAt(c)).append('\n');
        }
        return sb.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
