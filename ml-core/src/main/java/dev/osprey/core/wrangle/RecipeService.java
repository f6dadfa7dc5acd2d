package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Workspace;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recipes over the datasets of one workspace: check and preview (on a sample), fit, apply (a job's work:
 * synchronous, reporting to a {@link JobContext}), save with lineage, and export. Thread-safe; every call
 * takes its own DuckDB connection.
 */
public final class RecipeService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecipeService.class);
    /** Rows of the source a preview works on. */
    public static final int SAMPLE_ROWS = 5_000;

    private final Workspace workspace;
    private final DatasetService datasets;
    private final RecipeStore store;
    /** Started on first use: most engines (a CLI command, a notebook) never run a recipe. */
    private WrangleDuck duck;
    private boolean closed;

    public RecipeService(Workspace workspace, DatasetService datasets) {
        this.workspace = workspace;
        this.datasets = datasets;
        this.store = new RecipeStore(workspace.catalog());
    }

    private synchronized WrangleDuck duck() {
        if (closed) {
            throw new IllegalStateException("the recipe service is closed");
        }
        if (duck == null) {
            duck = new WrangleDuck();
        }
        return duck;
    }

    public RecipeStore store() {
        return store;
    }

    /** An editor with undo and redo over an empty recipe for {@code source}. */
    public RecipeEditor editor(DatasetId source) throws WrangleException {
        return new RecipeEditor(this, source, Recipe.EMPTY);
    }

    /** An editor that starts from {@code initial}; refused when it does not check against the source. */
    public RecipeEditor editor(DatasetId source, Recipe initial) throws WrangleException {
        return new RecipeEditor(this, source, initial);
    }

    /** The recipe's result on the sample of the source: the first {@code limit} rows and the columns after every step. */
    public Preview preview(DatasetId source, Recipe recipe, int limit) throws WrangleException {
        if (limit < 0) {
            throw new IllegalArgumentException("a preview limit cannot be negative: " + limit);
        }
        Dataset d = dataset(source);
        try (DuckDBConnection c = duck().connect()) {
            WrangleDuck.Sample sample = duck().sample(c, d, datasets.selectSql(d), SAMPLE_ROWS);
            Pipeline.Result r = Pipeline.build(c, "SELECT * FROM " + sample.table(), new Schema(d.columns()), recipe, null,
                    sources(), JobContext.NONE);
            List<List<Object>> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(r.sql() + " LIMIT " + limit)) {
                int n = r.output().columns().size();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(Values.of(rs.getObject(i)));
                    }
                    rows.add(Collections.unmodifiableList(row));
                }
            }
            return new Preview(r.output().columns(), rows, sample.rows(), r.notes(), r.schemas());
        } catch (SQLException e) {
            throw new WrangleException(-1, "Cannot preview the recipe: " + DuckMessages.clean(e), e);
        }
    }

    /** Fits every fitted step on the full source (one aggregate query per fitted step). */
    public FittedRecipe fit(DatasetId source, Recipe recipe, JobContext context) throws WrangleException {
        Dataset d = dataset(source);
        try (DuckDBConnection c = duck().connect()) {
            context.progress(-1, "Fitting the recipe on " + d.name());
            Pipeline.Result r = Pipeline.build(c, datasets.selectSql(d), new Schema(d.columns()), recipe, null, sources(), context);
            return new FittedRecipe(recipe, r.fits());
        } catch (SQLException e) {
            throw new WrangleException(-1, "Cannot fit the recipe: " + DuckMessages.clean(e), e);
        }
    }

    /** The fitted recipe over {@code source} as one SQL statement (a SELECT). */
    public String toSql(DatasetId source, FittedRecipe fitted) throws WrangleException {
        Dataset d = dataset(source);
        try (DuckDBConnection c = duck().connect()) {
            return Pipeline.build(c, datasets.selectSql(d), new Schema(d.columns()), fitted.recipe(), fitted.fits(), sources(),
                    JobContext.NONE).sql();
        } catch (SQLException e) {
            throw new WrangleException(-1, "Cannot compile the recipe: " + DuckMessages.clean(e), e);
        }
    }

    /** A fitted recipe's result over a source as something another reader can run: one SELECT and its columns. */
    public record Relation(String sql, List<Column> columns, List<String> notes) {
        public Relation {
            columns = List.copyOf(columns);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The fitted recipe over {@code source} as a {@link Relation}, with the stored fitted constants (no
     * refit), so a training can read the full result without a copy on disk. The SQL reads the source
     * files itself, so any DuckDB connection can run it.
     */
    public Relation relation(DatasetId source, FittedRecipe fitted, JobContext context) throws WrangleException {
        Dataset d = dataset(source);
        try (DuckDBConnection c = duck().connect()) {
            Pipeline.Result r = Pipeline.build(c, datasets.selectSql(d), new Schema(d.columns()), fitted.recipe(), fitted.fits(),
                    sources(), context);
            return new Relation(r.sql(), r.output().columns(), r.notes());
        } catch (SQLException e) {
            throw new WrangleException(-1, "Cannot compile the recipe over '" + d.name() + "': " + DuckMessages.clean(e), e);
        }
    }

    /** A notebook cell (Java, Engine API) that builds this recipe and saves its result. */
    public String toJava(String datasetName, Recipe recipe) {
        return JavaExport.cell(datasetName, recipe);
    }

    /**
     * Applies the fitted recipe to every row of {@code source} and writes the result to {@code out}
     * (Parquet, or CSV when the name ends in .csv), atomically.
     */
    public ApplyResult applyToFile(DatasetId source, FittedRecipe fitted, Path out, JobContext context) throws WrangleException {
        Dataset d = dataset(source);
        Path target = out.toAbsolutePath().normalize();
        boolean csv = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        Path temp = null;
        try (DuckDBConnection c = duck().connect()) {
            Pipeline.Result r = Pipeline.build(c, datasets.selectSql(d), new Schema(d.columns()), fitted.recipe(), fitted.fits(),
                    sources(), context);
            temp = AtomicFiles.tempFileFor(target);
            String copy = "COPY (" + r.sql() + ") TO " + SqlText.literal(temp.toString())
                    + (csv ? " (FORMAT csv, HEADER true)" : " (FORMAT parquet, COMPRESSION zstd)");
            context.progress(0, "Applying the recipe to " + d.name());
            long rows = Runner.run(c, copy, context, f -> context.progress(f, "Applying the recipe to " + d.name()));
            context.checkCancelled();
            AtomicFiles.commit(temp, target);
            temp = null;
            r.notes().forEach(context::log);
            return new ApplyResult(target, rows, r.output().columns(), r.notes());
        } catch (SQLException e) {
            throw new WrangleException(-1, "Cannot apply the recipe to '" + d.name() + "': " + DuckMessages.clean(e), e);
        } catch (IOException e) {
            throw new WrangleException(-1, "Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Fits the recipe on the full source, stores it as the next version of {@code recipeName}, and
     * materialises the result as the new dataset {@code newDatasetName} (Parquet in data/) with lineage
     * back to the source and the recipe version. On failure or cancel no dataset is added.
     */
    public Dataset saveAs(String recipeName, DatasetId source, Recipe recipe, String newDatasetName, JobContext context)
            throws WrangleException {
        RecipeStore.checkName(recipeName);
        Dataset src = dataset(source);
        checkFree(newDatasetName);
        FittedRecipe fitted = fit(source, recipe, context);
        RecipeVersion version = store.save(recipeName, fitted, source, src.name());
        return materialise(src, version, newDatasetName, context);
    }

    /** Applies a saved recipe version (latest when {@code version} is null) with its stored fitted values to {@code to}. */
    public Dataset applySaved(String recipeName, Integer version, DatasetId to, String newDatasetName, JobContext context)
            throws WrangleException {
        RecipeVersion v = savedVersion(recipeName, version);
        Dataset d = dataset(to);
        checkFree(newDatasetName);
        return materialise(d, v, newDatasetName, context);
    }

    /** A saved version, or a message naming what is missing. */
    public RecipeVersion savedVersion(String recipeName, Integer version) throws WrangleException {
        Optional<RecipeVersion> v = version == null ? store.latest(recipeName) : store.version(recipeName, version);
        if (v.isEmpty()) {
            if (store.latest(recipeName).isEmpty()) {
                List<String> names = store.names();
                throw new WrangleException("There is no recipe named '" + recipeName + "'"
                        + (names.isEmpty() ? " (no recipe is saved yet)." : " (saved recipes: " + String.join(", ", names) + ")."));
            }
            throw new WrangleException("The recipe '" + recipeName + "' has no version " + version + ".");
        }
        return v.get();
    }

    private Dataset materialise(Dataset src, RecipeVersion version, String newName, JobContext context) throws WrangleException {
        Path temp = null;
        try {
            temp = AtomicFiles.tempFileFor(workspace.dataDir().resolve(newName + ".parquet"));
            Files.delete(temp); // DuckDB writes the file itself
            ApplyResult applied = applyToFile(src.id(), version.fitted(), temp, scaled(context, 0, 0.8));
            LOG.info("Recipe {} v{} wrote {} rows from {}", version.name(), version.version(), applied.rows(), src.name());
            Dataset out = datasets.importFile(new ImportRequest(temp, newName, DataFormat.PARQUET, StorageMode.COPY),
                    scaled(context, 0.8, 1));
            try {
                store.recordLineage(out.id(), src.id(), src.name(), version);
            } catch (SQLException e) {
                datasets.delete(out.id());
                throw new WrangleException(-1, "Cannot record where '" + newName + "' came from: " + e.getMessage(), e);
            }
            return out;
        } catch (DataException e) {
            throw new WrangleException(-1, "Cannot add the dataset '" + newName + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WrangleException(-1, "Cannot write into " + workspace.dataDir() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private void checkFree(String name) throws WrangleException {
        try {
            new ImportRequest(Path.of("x"), name, DataFormat.PARQUET, StorageMode.COPY);
            if (datasets.find(name).isPresent()) {
                throw new WrangleException("A dataset named '" + name + "' already exists in this workspace; choose another name.");
            }
        } catch (IllegalArgumentException e) {
            throw new WrangleException(e.getMessage());
        } catch (DataException e) {
            throw new WrangleException(-1, e.getMessage(), e);
        }
    }

    Dataset dataset(DatasetId id) throws WrangleException {
        try {
            return datasets.get(id);
        } catch (DataException e) {
            throw new WrangleException(-1, e.getMessage(), e);
        }
    }

    /** The source's columns (what the first step receives). */
    public List<Column> sourceColumns(DatasetId id) throws WrangleException {
        return dataset(id).columns();
    }

    Sources sources() {
        return name -> {
            try {
                return datasets.find(name).map(d -> new Sources.Source(d.name(), new Schema(d.columns()), datasets.selectSql(d)));
            } catch (DataException e) {
                return Optional.empty();
            }
        };
    }

    private static JobContext scaled(JobContext c, double from, double to) {
        return new JobContext() {
            @Override
            public void progress(double fraction, String message) {
                c.progress(fraction < 0 ? -1 : from + fraction * (to - from), message);
            }

            @Override
            public void log(String line) {
                c.log(line);
            }

            @Override
            public boolean isCancelled() {
                return c.isCancelled();
            }

            @Override
            public void onCancel(Runnable hook) {
                c.onCancel(hook);
            }
        };
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("Could not remove the temporary file {}", p, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (duck != null) {
            duck.close();
        }
    }
}
