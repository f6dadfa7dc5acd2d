package dev.osprey.app.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.wrangle.RecipeVersion;
import dev.osprey.core.wrangle.WrangleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's datasets with, for each, the saved wrangling recipes made on it (by the source of
 * each recipe's latest version): what the Training page offers in its "Recipe" choice. Read on a
 * background thread.
 */
record RecipeChoices(List<Dataset> datasets, Map<DatasetId, List<String>> recipes) {
    private static final Logger LOG = LoggerFactory.getLogger(RecipeChoices.class);

    static RecipeChoices read(Engine engine) throws Exception {
        List<Dataset> datasets = engine.datasets().list();
        Map<DatasetId, List<String>> byDataset = new LinkedHashMap<>();
        try {
            for (String name : engine.recipes().store().names()) {
                Optional<RecipeVersion> latest = engine.recipes().store().latest(name);
                latest.flatMap(RecipeVersion::source).ifPresent(id -> byDataset.computeIfAbsent(id, k -> new ArrayList<>()).add(name));
            }
        } catch (WrangleException e) {
            // training without a recipe still works: the choice offers "None" only
            LOG.warn("Cannot list the saved recipes of {}", engine.workspace().root(), e);
        }
        return new RecipeChoices(datasets, byDataset);
    }
}
