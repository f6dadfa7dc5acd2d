package dev.osprey.core.wrangle;

import java.util.List;
import java.util.Objects;

/**
 * What a step learned from the data when the recipe was fitted. Stored with the recipe version so the
 * same constants are used for later data and for single rows ({@link RowTransform}).
 */
public sealed interface StepFit extends java.io.Serializable {

    /** The value that fills missing cells: a number (mean, median) or the text of a value (mode, constant); null when none. */
    record Fill(Double number, String text) implements StepFit {
    }

    /** {@code (x - center) / scale}: mean and standard deviation, or minimum and range. */
    record Scale(double center, double scale) implements StepFit {
    }

    /** The categories of an encoding, as text, in code order. */
    record Categories(List<String> values) implements StepFit {
        public Categories {
            values = List.copyOf(values);
        }
    }

    /** The inner bin edges, ascending: a value {@code >= edges[i]} is past bin i. */
    record Edges(List<Double> edges) implements StepFit {
        public Edges {
            edges = List.copyOf(edges);
        }
    }

    /** Values outside {@code [low, high]} are set to the nearer bound. */
    record Bounds(double low, double high) implements StepFit {
        public Bounds {
            if (low > high) {
                throw new IllegalArgumentException("clip bounds are reversed: " + low + " > " + high);
            }
        }
    }

    static <T extends StepFit> T as(StepFit fit, Class<T> type, Step step) {
        Objects.requireNonNull(fit, () -> "the step " + step.label() + " has not been fitted");
        return type.cast(fit);
    }
}
