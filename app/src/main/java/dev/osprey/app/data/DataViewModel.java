package dev.osprey.app.data;

import dev.osprey.app.AppContext;
import dev.osprey.app.data.grid.GridModel;
import dev.osprey.app.data.recipe.RecipeModel;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.data.TablePreview;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The Data page's state: the workspace's datasets (filtered by the search text, {@link DatasetSearch}),
 * the selected one, its editable schema and its first rows ({@link DatasetPreview}). All state is read
 * and written on the UI executor; catalog and DuckDB calls run on {@code io} and come back through
 * {@link AppContext#uiExecutor()}.
 * Each background result is dropped when the workspace or the selection changed meanwhile.
 */
public final class DataViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DataViewModel.class);

    /** Work on a workspace's datasets, run off the UI thread. */
    @FunctionalInterface
    interface DataCall<T> {
        T call(DatasetService datasets) throws Exception;
    }

    private final AppContext app;
    private final Executor io;
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call could be collected with the listeners added to it. */
    private final ObservableList<Dataset> datasetsView = FXCollections.unmodifiableObservableList(datasets);
    private final DatasetSearch search = new DatasetSearch(this, datasets);
    private final ReadOnlyObjectWrapper<Dataset> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper listLoading = new ReadOnlyBooleanWrapper(this, "listLoading");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper(this, "listError");
    private final ReadOnlyBooleanWrapper schemaSaving = new ReadOnlyBooleanWrapper(this, "schemaSaving");
    private final SchemaModel schema = new SchemaModel();
    private final DatasetPreview preview;
    private final ImportFlow imports;
    private final GridModel grid;
    private final RecipeModel recipe;
    private final BooleanBinding workspaceOpen;
    private long listGeneration;

    /** The studio's view model: catalog reads run on one daemon thread of its own. */
    public DataViewModel(AppContext app) {
        this(app, daemon("osprey-data-page"));
    }

    /** Tests pass {@code Runnable::run} for {@code io} (and as the context's UI executor). */
    DataViewModel(AppContext app, Executor io) {
        this.app = Objects.requireNonNull(app);
        this.io = Objects.requireNonNull(io);
        this.workspaceOpen = Bindings.isNotNull(app.engineProperty());
        this.preview = new DatasetPreview(this, app);
        this.imports = new ImportFlow(this, app);
        this.grid = new GridModel(daemon("osprey-grid"), daemon("osprey-grid-pages"), app.uiExecutor());
        this.recipe = new RecipeModel(app, daemon("osprey-recipe"), grid);
        recipe.setOnSaved(saved -> reveal(saved.id()));
        app.engineProperty().addListener((o, before, after) -> onWorkspaceChanged());
    }

    // --- state the view binds to ------------------------------------------------------------------

    AppContext app() {
        return app;
    }

    /** Every dataset of the workspace, in catalog order. */
    public ObservableList<Dataset> datasets() {
        return datasetsView;
    }

    /** The datasets the search text lets through: what the list shows. */
    public ObservableList<Dataset> visibleDatasets() {
        return search.visible();
    }

    public StringProperty searchProperty() {
        return search.textProperty();
    }

    public ReadOnlyObjectProperty<Dataset> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public Dataset selected() {
        return selected.get();
    }

    public BooleanBinding workspaceOpenProperty() {
        return workspaceOpen;
    }

    public ReadOnlyBooleanProperty listLoadingProperty() {
        return listLoading.getReadOnlyProperty();
    }

    /** Why the list could not be read, or null. */
    public ReadOnlyStringProperty listErrorProperty() {
        return listError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TablePreview> previewProperty() {
        return preview.rowsProperty();
    }

    public ReadOnlyBooleanProperty previewLoadingProperty() {
        return preview.loadingProperty();
    }

    public ReadOnlyStringProperty previewErrorProperty() {
        return preview.errorProperty();
    }

    public SchemaModel schema() {
        return schema;
    }

    public ReadOnlyBooleanProperty schemaSavingProperty() {
        return schemaSaving.getReadOnlyProperty();
    }

    public ImportFlow imports() {
        return imports;
    }

    /** The paged grid of the Grid tab. */
    public GridModel grid() {
        return grid;
    }

    /** The recipe beside the grid. */
    public RecipeModel recipe() {
        return recipe;
    }

    private static Executor daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** True when the catalog holds a dataset with this id (whether or not the search shows it). */
    public boolean contains(DatasetId id) {
        return id != null && datasets.stream().anyMatch(d -> d.id().equals(id));
    }

    // --- actions ----------------------------------------------------------------------------------

    /** Reads the list again; keeps the selection when the dataset is still there. */
    public CompletableFuture<Void> refresh() {
        return refresh(null);
    }

    /** Reads the list again, then selects {@code select} (null: keep the current selection). */
    CompletableFuture<Void> refresh(DatasetId select) {
        Engine engine = app.engine();
        long generation = ++listGeneration;
        if (engine == null) {
            datasets.clear();
            listLoading.set(false);
            listError.set(null);
            show(null, true);
            return CompletableFuture.completedFuture(null);
        }
        listLoading.set(true);
        return background(engine, DatasetService::list).handleAsync((list, error) -> {
            if (generation != listGeneration || engine != app.engine()) {
                return null;
            }
            listLoading.set(false);
            if (error != null) {
                LOG.warn("Cannot list the datasets of {}", engine.workspace().root(), Problems.unwrap(error));
                listError.set("Cannot read the datasets: " + Problems.message(error));
                return null;
            }
            listError.set(null);
            DatasetId want = select != null ? select : selected.get() == null ? null : selected.get().id();
            datasets.setAll(list);
            Dataset again = want == null ? null : byId(want);
            if (select != null && again != null) {
                select(again); // asked for (a new import, a link from Home): unsaved edits are asked about
            } else {
                show(again, !Objects.equals(selected.get(), again));
            }
            return null;
        }, app.uiExecutor());
    }

    /**
     * Shows {@code dataset}'s schema and loads its preview. Selecting the same dataset again (the
     * list re-read with nothing changed) keeps the user's unsaved schema edits; leaving a dataset
     * with unsaved edits asks first.
     *
     * @return false when the user chose to stay on the edited dataset
     */
    public boolean select(Dataset dataset) {
        Dataset current = selected.get();
        boolean sameDataset = current != null && dataset != null && current.id().equals(dataset.id());
        if (!sameDataset && current != null && schema.dirtyProperty().get()
            && !app.dialogs().confirm("Discard schema changes", "The schema of '" + current.name()
                + "' has changes that were not applied. Discard them?")) {
            return false;
        }
        show(dataset, !Objects.equals(current, dataset));
        return true;
    }

    /** Reads the list again and selects the dataset {@code id} (Home's links to a dataset). */
    public CompletableFuture<Void> reveal(DatasetId id) {
        return refresh(Objects.requireNonNull(id));
    }

    /** Loads the selected dataset's first rows again (F5 on the preview). */
    public void reloadPreview() {
        preview.load(selected.get());
    }

    /** Saves the edited schema; a refused change is shown to the user and the edits stay. */
    public CompletableFuture<Void> applySchema() {
        Dataset dataset = selected.get();
        Engine engine = app.engine();
        if (dataset == null || engine == null || !schema.dirtyProperty().get() || schemaSaving.get()) {
            return CompletableFuture.completedFuture(null);
        }
        String problem = schema.problemProperty().get();
        if (problem != null) {
            app.dialogs().showError("Cannot apply the schema", problem, null);
            return CompletableFuture.completedFuture(null);
        }
        var columns = schema.edited();
        schemaSaving.set(true);
        return background(engine, s -> s.updateSchema(dataset.id(), columns)).handleAsync((updated, error) -> {
            schemaSaving.set(false);
            if (engine != app.engine()) {
                return null;
            }
            if (error != null) {
                LOG.info("Schema change of {} refused: {}", dataset.name(), Problems.message(error));
                // A refusal is expected (the data does not fit the type): its message is all there is to see.
                boolean expected = Problems.unwrap(error) instanceof dev.osprey.core.data.DataException;
                app.dialogs().showError("Schema change refused", Problems.message(error),
                        expected ? null : Problems.details(error));
                return null;
            }
            replace(updated);
            app.dialogs().notify("Saved the schema of " + updated.name() + ".");
            return null;
        }, app.uiExecutor());
    }

    /** Throws away the schema edits. */
    public void revertSchema() {
        schema.revert();
    }

    /** Asks, then deletes the selected dataset and selects its neighbour. */
    public CompletableFuture<Void> deleteSelected() {
        Dataset dataset = selected.get();
        Engine engine = app.engine();
        if (dataset == null || engine == null) {
            return CompletableFuture.completedFuture(null);
        }
        String question = dataset.storageMode() == StorageMode.LINK
                ? "Remove '" + dataset.name() + "' from the workspace? The linked file " + dataset.location()
                  + " is not touched."
                : "Delete '" + dataset.name() + "' and its copy in the workspace? This cannot be undone.";
        if (!app.dialogs().confirm("Delete dataset", question)) {
            return CompletableFuture.completedFuture(null);
        }
        return background(engine, s -> {
            s.delete(dataset.id());
            return dataset;
        }).handleAsync((done, error) -> {
            if (engine != app.engine()) {
                return null;
            }
            if (error != null) {
                app.dialogs().showError("Cannot delete " + dataset.name(), Problems.message(error), Problems.details(error));
                return null;
            }
            Dataset next = search.neighbour(dataset);
            datasets.removeIf(d -> d.id().equals(dataset.id()));
            if (selected.get() != null && selected.get().id().equals(dataset.id())) {
                show(next, true);
            }
            app.dialogs().notify("Deleted " + dataset.name() + ".");
            return null;
        }, app.uiExecutor());
    }

    // --- for the import flow and the view ---------------------------------------------------------

    <T> CompletableFuture<T> background(Engine engine, DataCall<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call(engine.datasets());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io);
    }

    Dataset byId(DatasetId id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    // --- internals --------------------------------------------------------------------------------

    private void onWorkspaceChanged() {
        preview.invalidate();
        datasets.clear();
        show(null, true);
        imports.workspaceChanged();
        refresh();
    }

    private void show(Dataset dataset, boolean reload) {
        selected.set(dataset);
        if (reload) {
            schema.load(dataset);
            preview.load(dataset);
        }
    }

    private void replace(Dataset updated) {
        for (int i = 0; i < datasets.size(); i++) {
            if (datasets.get(i).id().equals(updated.id())) {
                datasets.set(i, updated);
            }
        }
        if (selected.get() != null && selected.get().id().equals(updated.id())) {
            show(updated, true);
        }
    }
}
