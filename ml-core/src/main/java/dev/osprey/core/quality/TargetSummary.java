package dev.osprey.core.quality;

import dev.osprey.core.train.ProblemType;

import java.util.List;
import java.util.Objects;

/**
 * The target column as the report sees it: the problem it makes (inferred as training does), its
 * missing rows, and for classes the count of every class (largest first, at most 200).
 */
public record TargetSummary(String column, ProblemType problemType, long missing, List<ColumnProfile.ValueCount> classes) {
    public TargetSummary {
        Objects.requireNonNull(column);
        Objects.requireNonNull(problemType);
        classes = List.copyOf(classes);
    }

    /** Rows of the largest class per row of the smallest; 1 when balanced, NaN without classes. */
    public double imbalanceRatio() {
        if (classes.size() < 2) {
            return Double.NaN;
        }
        return (double) classes.getFirst().count() / classes.getLast().count();
    }
}
