package dev.osprey.core.train;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.wrangle.FittedRecipe;
import dev.osprey.core.wrangle.Lineage;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.RecipeService;
import dev.osprey.core.wrangle.RecipeVersion;
import dev.osprey.core.wrangle.RowTransform;
import dev.osprey.core.wrangle.Step;
import dev.osprey.core.wrangle.StepFit;
import dev.osprey.core.wrangle.WrangleException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a training reads when a wrangling recipe is involved, and how its model will take raw rows.
 * Two cases:
 * <ul>
 * <li>the request names a recipe: the training reads the recipe's result over the dataset (one SQL
 * relation, the stored fitted constants, no copy on disk) and the model keeps the recipe's row-wise
 * transform, taking the dataset's own columns. A recipe that cannot run on one row is refused
 * before the run starts.</li>
 * <li>the dataset was saved from a recipe (it has lineage): the training reads the dataset as it is,
 * and the model also keeps that recipe version's transform, so it takes the rows of the recipe's
 * source (what arrives in serving). The run records the lineage either way; when the transform
 * cannot be built (source gone, a join, a renamed column) the model takes the dataset's columns and
 * the run says why in {@code osprey.recipe.raw_rows_reason}.</li>
 * </ul>
 * A plain dataset without lineage is read as before and its model is unchanged.
 */
final class RecipeInput {
    /** A training's source: the dataset (or the recipe's view of it), its SELECT, provenance tags, the binding to make. */
    record Resolved(Dataset view, String select, Map<String, String> tags, Optional<Pending> pending) {
    }

    /** The recipe part of a model, waiting for the model's feature columns (known once the data is prepared). */
    record Pending(String name, int version, FittedRecipe fitted, RowTransform transform, List<Column> source,
                   String target, boolean explicit) {
        /**
         * The binding, or empty (lineage case) when the model learns from a column the transform does not
         * give; for a recipe the request named, that is an error naming the column.
         */
        Optional<RecipeBinding> bind(ModelSignature features, Map<String, String> tags, JobContext log) throws TrainingException {
            List<String> made = transform.outputColumns();
            for (SignatureColumn c : features.inputs()) {
                if (!made.contains(c.name())) {
                    String why = "the model learns from '" + c.name() + "', which the recipe does not give for a single row"
                            + (transform.skippedSteps().isEmpty() ? "" : " (left out for single rows: "
                            + String.join(", ", transform.skippedSteps()) + ")");
                    if (explicit) {
                        throw new TrainingException("Cannot train through the recipe '" + name + "': " + why
                                + ". Drop that column in the recipe or set its role to IGNORE.");
                    }
                    tags.put("osprey.recipe.raw_rows", "false");
                    tags.put("osprey.recipe.raw_rows_reason", why);
                    log.log("The model takes the columns of the dataset, not raw rows: " + why + ".");
                    return Optional.empty();
                }
            }
            return Optional.of(new RecipeBinding(name, version, steps(fitted.recipe()), transform.skippedSteps(), transform,
                    rawInputs(features)));
        }

        /** The source's feature columns except the target (and a column the recipe renames to it). */
        private List<SignatureColumn> rawInputs(ModelSignature features) {
            List<String> targets = new ArrayList<>(List.of(target));
            for (Step s : fitted.recipe().enabledSteps()) {
                if (s instanceof Step.RenameColumn r && targets.contains(r.newName())) {
                    targets.add(r.column());
                }
            }
            List<SignatureColumn> out = new ArrayList<>();
            for (Column c : source) {
                if (c.role() == ColumnRole.FEATURE && !targets.contains(c.name())) {
                    List<String> cats = categories(c.name(), features);
                    out.add(new SignatureColumn(c.name(), c.type(), !cats.isEmpty(), cats, true, Double.NaN));
                }
            }
            return out;
        }

        /**
         * The categories a raw column is known to take, for forms that offer a choice: those of the model's
         * own one-hot column of that name, else those a one-hot or ordinal step learned for it.
         */
        private List<String> categories(String column, ModelSignature features) {
            for (SignatureColumn f : features.inputs()) {
                if (f.name().equals(column) && f.oneHot()) {
                    return f.categories();
                }
            }
            Recipe r = fitted.recipe();
            for (int i = 0; i < r.size(); i++) {
                Step s = r.step(i);
                boolean encodes = s instanceof Step.OneHotEncode o && o.column().equals(column)
                        || s instanceof Step.OrdinalEncode e && e.column().equals(column);
                if (encodes && r.steps().get(i).enabled() && fitted.fits().get(i) instanceof StepFit.Categories c) {
                    return c.values();
                }
            }
            return List.of();
        }
    }

    private RecipeInput() {
    }

    static Resolved resolve(TrainingRequest request, Dataset dataset, DatasetService datasets, RecipeService recipes,
                            JobContext job) throws TrainingException {
        Map<String, String> tags = new LinkedHashMap<>();
        if (request.recipe().isPresent()) {
            return explicit(request, dataset, recipes, job, tags);
        }
        Resolved plain = new Resolved(dataset, datasets.selectSql(dataset), tags, Optional.empty());
        if (recipes == null || request.isClustering()) {
            return plain;
        }
        try {
            Optional<Lineage> lineage = recipes.store().lineage(dataset.id());
            if (lineage.isEmpty()) {
                return plain;
            }
            Lineage l = lineage.get();
            tags.put("osprey.recipe.name", l.recipeName());
            tags.put("osprey.recipe.version", Integer.toString(l.recipeVersion()));
            tags.put("osprey.recipe.source", l.sourceName());
            tags.put("osprey.recipe.applied", "lineage");
            RecipeVersion v = recipes.savedVersion(l.recipeName(), l.recipeVersion());
            tags.put("osprey.recipe.steps", String.join("; ", steps(v.fitted().recipe())));
            if (l.source().isEmpty()) {
                return notRaw(plain, "the recipe's source dataset '" + l.sourceName() + "' is no longer in the workspace", job);
            }
            Dataset source = datasets.get(l.source().get());
            RowTransform t = v.fitted().rowTransform(source.columns());
            tags.put("osprey.recipe.raw_rows", "true");
            return new Resolved(dataset, plain.select(), tags, Optional.of(new Pending(l.recipeName(), l.recipeVersion(),
                    v.fitted(), t, source.columns(), request.target(), false)));
        } catch (WrangleException | DataException e) {
            return notRaw(plain, e.getMessage(), job);
        }
    }

    private static Resolved notRaw(Resolved plain, String why, JobContext job) {
        plain.tags().put("osprey.recipe.raw_rows", "false");
        plain.tags().put("osprey.recipe.raw_rows_reason", why);
        job.log("The model takes the columns of the dataset, not raw rows: " + why);
        return plain;
    }

    private static Resolved explicit(TrainingRequest request, Dataset dataset, RecipeService recipes, JobContext job,
                                     Map<String, String> tags) throws TrainingException {
        if (recipes == null) {
            throw new TrainingException("This training service has no recipes; open the workspace through the Engine to"
                    + " train through a recipe.");
        }
        String name;
        int version;
        FittedRecipe fitted;
        try {
            switch (request.recipe().get()) {
                case RecipeRef.Saved s -> {
                    RecipeVersion v = recipes.savedVersion(s.name(), s.version());
                    name = v.name();
                    version = v.version();
                    fitted = v.fitted();
                }
                case RecipeRef.Fitted f -> {
                    name = f.label();
                    version = 0;
                    fitted = f.recipe();
                }
            }
        } catch (WrangleException e) {
            throw new TrainingException(e.getMessage(), e);
        }
        RowTransform transform;
        RecipeService.Relation relation;
        try {
            transform = fitted.rowTransform(dataset.columns());
        } catch (WrangleException e) {
            throw new TrainingException("The recipe '" + name + "' cannot be used to train a model: " + e.getMessage(), e);
        }
        try {
            relation = recipes.relation(dataset.id(), fitted, job);
        } catch (WrangleException e) {
            throw new TrainingException("The recipe '" + name + "' does not run on '" + dataset.name() + "': "
                    + e.getMessage(), e);
        }
        relation.notes().forEach(job::log);
        tags.put("osprey.recipe.name", name);
        tags.put("osprey.recipe.version", Integer.toString(version));
        tags.put("osprey.recipe.applied", "training");
        tags.put("osprey.recipe.steps", String.join("; ", steps(fitted.recipe())));
        if (!transform.skippedSteps().isEmpty()) {
            tags.put("osprey.recipe.skipped_for_rows", String.join("; ", transform.skippedSteps()));
        }
        tags.put("osprey.recipe.raw_rows", "true");
        return new Resolved(view(dataset, relation.columns(), name, version), relation.sql(), tags,
                Optional.of(new Pending(name, version, fitted, transform, dataset.columns(), request.target(), true)));
    }

    /** The recipe's result as a dataset for preparation: its columns, with the roles of same-named source columns. */
    private static Dataset view(Dataset d, List<Column> output, String name, int version) {
        List<Column> columns = new ArrayList<>();
        for (Column c : output) {
            ColumnRole role = d.column(c.name()).map(Column::role).orElse(ColumnRole.FEATURE);
            columns.add(c.withRole(role));
        }
        String shown = d.name() + " (through recipe " + (version > 0 ? name + " v" + version : name) + ")";
        return new Dataset(d.id(), shown, d.format(), d.storageMode(), d.location(), d.sourcePath(), d.rowCount(),
                d.sizeBytes(), d.fingerprint(), d.createdAt(), columns);
    }

    /** The enabled steps as "n. label" (n counts every step, as the recipe list shows them). */
    static List<String> steps(Recipe recipe) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < recipe.size(); i++) {
            if (recipe.steps().get(i).enabled()) {
                out.add((i + 1) + ". " + recipe.step(i).label());
            }
        }
        return out;
    }
}
