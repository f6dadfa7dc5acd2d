package dev.osprey.core.wrangle;

import java.util.Objects;

/** A step in a recipe, with whether it is on. A disabled step stays in the list and does nothing. */
public record RecipeStep(Step step, boolean enabled) implements java.io.Serializable {
    public RecipeStep {
        Objects.requireNonNull(step, "step");
    }

    public RecipeStep withEnabled(boolean on) {
        return new RecipeStep(step, on);
    }
}
