package dev.osprey.app.data.recipe;

import dev.osprey.app.AppContext;
import dev.osprey.app.data.grid.GridFormats;
import dev.osprey.app.data.grid.GridModel;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobEvent;
import dev.osprey.core.wrangle.Preview;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.RecipeEditor;
import dev.osprey.core.wrangle.RecipeStep;
import dev.osprey.core.wrangle.Step;
import dev.osprey.core.wrangle.WrangleException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The recipe panel's state for the dataset the grid shows: the steps, undo/redo, the last
 * error (with the step it belongs to), and the save job. Edits go through the wrangle
 * {@link RecipeEditor} on {@code worker} (one thread: the editor is not thread-safe), each one
 * previewed on the sample; the preview then replaces the grid's rows. A refused edit leaves the
 * recipe as it was and says why.
 */
public final class RecipeModel {
    private static final Logger LOG = LoggerFactory.getLogger(RecipeModel.class);

    private final AppContext app;
    private final Executor worker;
    private final GridModel grid;
    private final ObservableList<RecipeStep> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyIntegerWrapper errorStep = new ReadOnlyIntegerWrapper(this, "errorStep", -1);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyDoubleWrapper saveProgress = new ReadOnlyDoubleWrapper(this, "saveProgress", -1);
    private final ReadOnlyStringWrapper saveMessage = new ReadOnlyStringWrapper(this, "saveMessage", "");
    private long lastEditMillis;
    private List<Column> sourceColumns = List.of();
    private List<List<Column>> schemas = List.of();
    private Dataset source;
    private RecipeEditor editor;
    private Job<Dataset> saveJob;
    private long generation;
    private Consumer<Dataset> onSaved = d -> { };
    private Runnable onSourceChanged = () -> { };

    public RecipeModel(AppContext app, Executor worker, GridModel grid) {
        this.app = Objects.requireNonNull(app);
        this.worker = Objects.requireNonNull(worker);
        this.grid = Objects.requireNonNull(grid);
    }

    // --- state -------------------------------------------------------------------------------------

    public ObservableList<RecipeStep> steps() {
        return steps;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The step the error belongs to, or -1. */
    public ReadOnlyIntegerProperty errorStepProperty() {
        return errorStep.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True once the editor for the dataset is open. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The preview's notes (e.g. values a cast could not convert), one per line. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The save job's progress, 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty saveProgressProperty() {
        return saveProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveMessageProperty() {
        return saveMessage.getReadOnlyProperty();
    }

    public Recipe recipe() {
        return editor == null ? Recipe.EMPTY : editor.recipe();
    }

    public Dataset source() {
        return source;
    }

    /** How long the last edit took, edit and preview together (for the status line). */
    long lastEditMillis() {
        return lastEditMillis;
    }

    /** The column names step {@code i} receives (what its form offers). */
    public List<String> columnsBefore(int i) {
        List<Column> cols = i <= 0 || schemas.isEmpty() ? sourceColumns : schemas.get(Math.min(i, schemas.size()) - 1);
        return cols.stream().map(Column::name).toList();
    }

    /** Called with the new dataset when a save finishes. */
    public void setOnSaved(Consumer<Dataset> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** Called when the recipe starts over on another dataset (the panel closes its form). */
    void sourceChanged(Runnable r) {
        this.onSourceChanged = Objects.requireNonNull(r);
    }

    // --- actions -----------------------------------------------------------------------------------

    /** Starts an empty recipe on {@code dataset} (null: none). */
    public CompletableFuture<Void> open(Dataset dataset) {
        long gen = ++generation;
        onSourceChanged.run();
        source = dataset;
        editor = null;
        steps.clear();
        error.set(null);
        errorStep.set(-1);
        ready.set(false);
        preview.set(null);
        notes.set("");
        canUndo.set(false);
        canRedo.set(false);
        Engine engine = app.engine();
        if (dataset == null || engine == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                RecipeEditor e = engine.recipes().editor(dataset.id());
                return new Object[] {e, e.sourceColumns()};
            } catch (WrangleException e) {
                throw new CompletionException(e);
            }
        }, worker).handleAsync((opened, e) -> {
            if (gen != generation) {
                return null;
            }
            if (e != null) {
                error.set("The recipe cannot start: " + message(e));
                return null;
            }
            editor = (RecipeEditor) opened[0];
            @SuppressWarnings("unchecked")
            List<Column> cols = (List<Column>) opened[1];
            sourceColumns = cols;
            ready.set(true);
            return null;
        }, app.uiExecutor());
    }

    public CompletableFuture<Boolean> add(Step s) {
        return edit(-1, e -> e.add(s));
    }

    public CompletableFuture<Boolean> replace(int i, Step s) {
        return edit(i, e -> e.replace(i, s));
    }

    public CompletableFuture<Boolean> remove(int i) {
        return edit(i, e -> e.remove(i));
    }

    public CompletableFuture<Boolean> move(int from, int to) {
        if (to < 0 || to >= steps.size() || from == to) {
            return CompletableFuture.completedFuture(false);
        }
        return edit(from, e -> e.move(from, to));
    }

    public CompletableFuture<Boolean> setEnabled(int i, boolean on) {
        return edit(i, e -> e.setEnabled(i, on));
    }

    public CompletableFuture<Boolean> undo() {
        return edit(-1, RecipeEditor::undo);
    }

    public CompletableFuture<Boolean> redo() {
        return edit(-1, RecipeEditor::redo);
    }

    /**
     * Saves the full result as a new dataset in a background job (cancellable): fits the
     * recipe on every row, stores it as a recipe version and writes the Parquet file.
     */
    public Job<Dataset> save(String datasetName) {
        Engine engine = app.engine();
        RecipeEditor e = editor;
        Dataset d = source;
        if (engine == null || e == null || d == null || saving.get()) {
            return null;
        }
        String name = datasetName == null ? "" : datasetName.strip();
        if (name.isEmpty()) {
            error.set("Type a name for the new dataset.");
            return null;
        }
        Recipe recipe = e.recipe();
        String recipeName = name;
        saving.set(true);
        saveProgress.set(-1);
        saveMessage.set("Saving " + name + "…");
        error.set(null);
        Job<Dataset> job = app.jobs().submit("Apply recipe: " + name,
                ctx -> engine.recipes().saveAs(recipeName, d.id(), recipe, name, ctx));
        saveJob = job;
        job.subscribe(event -> {
            if (event instanceof JobEvent.Progress p) {
                app.uiExecutor().execute(() -> {
                    saveProgress.set(p.fraction());
                    if (p.message() != null && !p.message().isBlank()) {
                        saveMessage.set(p.message());
                    }
                });
            }
        });
        job.result().whenCompleteAsync((saved, failure) -> {
            saving.set(false);
            saveJob = null;
            if (failure != null) {
                boolean cancelled = job.isCancelRequested();
                saveMessage.set(cancelled ? "Save cancelled; nothing was written." : "");
                if (!cancelled) {
                    LOG.info("Saving the recipe result {} failed: {}", name, message(failure));
                    error.set("Cannot save " + name + ": " + message(failure));
                }
                return;
            }
            saveMessage.set("Saved " + saved.name() + " (" + GridFormats.count(saved.rowCount()) + " rows).");
            app.dialogs().notify("Saved " + saved.name() + ".");
            onSaved.accept(saved);
        }, app.uiExecutor());
        return job;
    }

    public void cancelSave() {
        Job<Dataset> j = saveJob;
        if (j != null) {
            j.cancel();
        }
    }

    // --- internals ---------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Edit {
        void apply(RecipeEditor e) throws WrangleException;
    }

    private record Outcome(Recipe recipe, Preview preview, boolean undo, boolean redo, long millis) {
    }

    private CompletableFuture<Boolean> edit(int stepIndex, Edit change) {
        RecipeEditor e = editor;
        if (e == null) {
            return CompletableFuture.completedFuture(false);
        }
        long gen = generation;
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                change.apply(e);
            } catch (WrangleException ex) {
                throw new CompletionException(ex);
            }
            return new Outcome(e.recipe(), e.preview(), e.canUndo(), e.canRedo(), (System.nanoTime() - start) / 1_000_000);
        }, worker).handleAsync((out, failure) -> {
            if (gen != generation) {
                return false;
            }
            if (failure != null) {
                Throwable cause = unwrap(failure);
                int at = cause instanceof WrangleException w && w.stepIndex() >= 0 ? w.stepIndex() : stepIndex;
                errorStep.set(at);
                error.set(message(failure));
                return false;
            }
            error.set(null);
            errorStep.set(-1);
            lastEditMillis = out.millis();
            steps.setAll(out.recipe().steps());
            canUndo.set(out.undo());
            canRedo.set(out.redo());
            show(out.preview());
            return true;
        }, app.uiExecutor());
    }

    private void show(Preview p) {
        preview.set(p);
        schemas = p == null ? List.of() : p.schemas();
        notes.set(p == null ? "" : String.join("\n", p.notes()));
        boolean anyEnabled = steps.stream().anyMatch(RecipeStep::enabled);
        if (p == null || !anyEnabled) {
            grid.showTable();
            return;
        }
        long enabled = steps.stream().filter(RecipeStep::enabled).count();
        grid.showPreview(p.columns(), p.rows(), "Preview: " + GridFormats.count(p.rows().size()) + " rows of a "
                + GridFormats.count(p.sampleRows()) + "-row sample after " + enabled + (enabled == 1 ? " step" : " steps"));
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof dev.osprey.core.job.JobCancelledException) {
            return "cancelled";
        }
        while (c.getCause() != null && c.getMessage() == null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    /** Every step kind the recipe offers, in the order of the "Add step" menu. */
    static List<Class<? extends Step>> kinds() {
        List<Class<? extends Step>> list = new ArrayList<>();
        for (Class<?> c : Step.class.getPermittedSubclasses()) {
            if (c.isRecord()) {
                list.add(c.asSubclass(Step.class));
            }
        }
        return list;
    }
}
