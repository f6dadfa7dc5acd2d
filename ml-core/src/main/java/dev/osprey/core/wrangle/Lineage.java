package dev.osprey.core.wrangle;

import dev.osprey.core.data.DatasetId;

import java.time.Instant;
import java.util.Optional;

/** Where a dataset made by a recipe came from: the source dataset and the recipe version. */
public record Lineage(DatasetId output, Optional<DatasetId> source, String sourceName, String recipeName, int recipeVersion,
                      Instant createdAt) {
}
