package dev.osprey.core.wrangle;

import dev.osprey.core.data.DatasetId;

import java.time.Instant;
import java.util.Optional;

/** One saved version of a named recipe: its steps with their fitted values, and the dataset it was fitted on. */
public record RecipeVersion(long id, String name, int version, FittedRecipe fitted, Optional<DatasetId> source,
                            String sourceName, Instant createdAt) {
}
