package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A recipe with the constants its steps learned from the data. {@code fits.get(i)} belongs to step i
 * and is null for a step that learns nothing (or is disabled).
 */
public record FittedRecipe(Recipe recipe, List<StepFit> fits) implements java.io.Serializable {
    public FittedRecipe {
        Objects.requireNonNull(recipe, "recipe");
        if (fits.size() != recipe.size()) {
            throw new IllegalArgumentException("a fitted recipe has one fit per step: " + fits.size() + " for "
                    + recipe.size() + " steps");
        }
        fits = Collections.unmodifiableList(new ArrayList<>(fits));
    }

    /** Whether the step learns its parameters from the data. */
    public static boolean isFitted(Step step) {
        return switch (step) {
            case Step.FillMissing f -> f.method() != Step.FillMethod.CONSTANT;
            case Step.OneHotEncode o -> true;
            case Step.OrdinalEncode o -> true;
            case Step.Standardize s -> true;
            case Step.MinMaxScale s -> true;
            case Step.Bin b -> true;
            case Step.ClipOutliers c -> true;
            default -> false;
        };
    }

    /**
     * The row-wise part of this recipe as plain Java, for scoring one row at a time.
     *
     * @param sourceColumns the columns of the raw rows (the recipe's source schema)
     * @throws WrangleException when a step cannot run on a single row (join, group by, SQL expressions)
     */
    public RowTransform rowTransform(List<Column> sourceColumns) throws WrangleException {
        return RowTransform.of(this, sourceColumns);
    }
}
