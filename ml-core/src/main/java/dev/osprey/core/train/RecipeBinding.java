package dev.osprey.core.train;

import dev.osprey.core.wrangle.RowTransform;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The wrangling recipe a model was trained through, kept inside the model so it takes raw rows:
 * the recipe's name and version (0 for an unsaved recipe), its steps as text, the steps left out
 * for single rows, the fitted row-wise {@link RowTransform}, and the raw input columns (the
 * recipe's source columns the model's signature shows instead of the recipe's output columns).
 * Deserialization goes through the canonical constructor (records always do), so its checks hold
 * for a model file too.
 */
public record RecipeBinding(String recipeName, int recipeVersion, List<String> steps, List<String> skippedSteps,
                            RowTransform transform, List<SignatureColumn> rawInputs) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public RecipeBinding {
        Objects.requireNonNull(recipeName, "recipeName");
        Objects.requireNonNull(transform, "transform");
        steps = List.copyOf(steps);
        skippedSteps = List.copyOf(skippedSteps);
        rawInputs = List.copyOf(rawInputs);
    }

    /**
     * One line for a model card from a run's {@code osprey.recipe.*} tags, e.g. {@code clean v1; takes raw rows;
     * steps: 1. Fill missing ...; 2. ...}; empty for a run without a recipe.
     */
    public static java.util.Optional<String> provenance(java.util.Map<String, String> tags) {
        String name = tags.get("osprey.recipe.name");
        if (name == null) {
            return java.util.Optional.empty();
        }
        String version = tags.getOrDefault("osprey.recipe.version", "0");
        StringBuilder sb = new StringBuilder(name).append("0".equals(version) ? " (unsaved)" : " v" + version);
        if ("lineage".equals(tags.get("osprey.recipe.applied"))) {
            sb.append(", which made the dataset from ").append(tags.getOrDefault("osprey.recipe.source", "?"));
        }
        sb.append("true".equals(tags.get("osprey.recipe.raw_rows")) ? "; takes raw rows"
                : "; takes the dataset's columns (" + tags.getOrDefault("osprey.recipe.raw_rows_reason", "?") + ")");
        String steps = tags.get("osprey.recipe.steps");
        return java.util.Optional.of(steps == null || steps.isEmpty() ? sb.toString() : sb.append("; steps: ").append(steps).toString());
    }

    /** {@code name v3}, or the label of an unsaved recipe. */
    public String describe() {
        return recipeVersion > 0 ? recipeName + " v" + recipeVersion : recipeName;
    }
}
