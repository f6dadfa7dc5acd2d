package dev.osprey.core.train;

import dev.osprey.core.wrangle.FittedRecipe;

import java.util.Objects;

/**
 * The wrangling recipe a training runs its dataset through (see {@link TrainingRequest#withRecipe}):
 * a saved recipe version of the workspace, or a fitted recipe held in memory (a notebook's). Either
 * way the stored fitted constants are used as they are (no refit on the training dataset), as
 * {@code osprey data apply} does, so the model sees what the recipe's saved output would hold.
 */
public sealed interface RecipeRef {
    /** A saved recipe; {@code version} null means the latest version at training time. */
    record Saved(String name, Integer version) implements RecipeRef {
        public Saved {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Name the recipe to train through.");
            }
            name = name.strip();
            if (version != null && version < 1) {
                throw new IllegalArgumentException("Recipe versions count from 1, not " + version + ".");
            }
        }
    }

    /** A fitted recipe not (yet) saved; {@code label} names it in the run's provenance. */
    record Fitted(FittedRecipe recipe, String label) implements RecipeRef {
        public Fitted {
            Objects.requireNonNull(recipe, "recipe");
            label = label == null || label.isBlank() ? "unsaved recipe" : label.strip();
        }
    }

    static RecipeRef saved(String name, Integer version) {
        return new Saved(name, version);
    }

    /**
     * Parses {@code NAME} or {@code NAME:VERSION} (the CLI's {@code --recipe}); a name may itself hold a
     * colon only when a version follows.
     */
    static RecipeRef parse(String text) {
        String s = text == null ? "" : text.strip();
        int colon = s.lastIndexOf(':');
        if (colon > 0 && colon < s.length() - 1 && s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            try {
                return new Saved(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The recipe version in '" + s + "' is too large.");
            }
        }
        return new Saved(s, null);
    }
}
