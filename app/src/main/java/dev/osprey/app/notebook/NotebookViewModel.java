package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelListener;
import dev.osprey.notebook.kernel.KernelStatus;
import dev.osprey.notebook.model.Autosaves;
import dev.osprey.notebook.model.Notebook;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One open notebook: its cells, its own kernel, its file. State is read and written on the UI
 * executor only. Edits are autosaved ({@link Autosaves}' copy, atomically) {@link NotebookTimings#autosaveDelay}
 * after the last edit, and never later than 30 s after it; the file itself is written only by
 * {@link #save()}, which refuses to overwrite a change another program made (see {@link NotebookStorage}).
 */
public final class NotebookViewModel {
    static final long FLUSH_MILLIS = 100;

    private final Notebook document;
    private final Executor ui;
    private final Executor io;
    private final Kernel kernel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "osprey-notebook-timer");
        t.setDaemon(true);
        return t;
    });
    private final NotebookStorage storage;
    private final RunQueue queue;
    private final CellEdits edits;
    private final Autosaver autosaver;
    private final KernelHelp help;
    private final ObservableList<CellModel> cells = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    private final ReadOnlyObjectWrapper<KernelStatus> kernelStatus = new ReadOnlyObjectWrapper<>(this, "kernelStatus", KernelStatus.STARTING);
    private final ReadOnlyStringWrapper kernelReason = new ReadOnlyStringWrapper(this, "kernelReason", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError");
    private final ReadOnlyObjectWrapper<Autosaves.Recovery> recovery = new ReadOnlyObjectWrapper<>(this, "recovery");
    private final ChangeListener<Object> edited = (o, a, b) -> markDirty();
    private final KernelListener kernelListener;
    private long editGeneration;
    private boolean closed;

    public NotebookViewModel(Path file, Notebook document, Path workspaceRoot, KernelLauncher launcher, Executor ui, Executor io) {
        this(file, document, null, workspaceRoot, launcher, ui, io, NotebookTimings.DEFAULT);
    }

    /**
     * Opens {@code document} (read from {@code file}) and starts its kernel in the background.
     *
     * @param recovered an autosave copy newer than the file, offered to the user through {@link #recoveryProperty()}; or null
     */
    public NotebookViewModel(Path file, Notebook document, Autosaves.Recovery recovered, Path workspaceRoot,
                             KernelLauncher launcher, Executor ui, Executor io, NotebookTimings options) {
        this.document = Objects.requireNonNull(document);
        this.ui = Objects.requireNonNull(ui);
        this.io = Objects.requireNonNull(io);
        this.storage = new NotebookStorage(Objects.requireNonNull(file), ui, io);
        cells.addListener((ListChangeListener<CellModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::unwatch);
                c.getAddedSubList().forEach(this::watch);
            }
            markDirty();
        });
        setCells(document);
        dirty.set(false);
        recovery.set(recovered);
        kernel = launcher.start(workspaceRoot, file.toAbsolutePath().getParent());
        queue = new RunQueue(kernel, ui, timer, kernelStatus::get, this::cellFinished);
        edits = new CellEdits(cells, selected, queue);
        help = new KernelHelp(kernel, ui, io);
        autosaver = new Autosaver(timer, ui, options, this::autosaveNow);
        timer.scheduleWithFixedDelay(() -> ui.execute(this::checkDisk),
                options.diskPoll().toMillis(), options.diskPoll().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        kernelListener = new KernelListener() {
            @Override
            public void statusChanged(KernelStatus status, String reason) {
                ui.execute(() -> onStatus(status, reason));
            }
        };
        kernel.addListener(kernelListener);
    }

    // --- state the view binds to ------------------------------------------------------------------

    public Path file() {
        return storage.file();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return storage.fileProperty();
    }

    public String title() {
        String name = file().getFileName().toString();
        return name.endsWith(".ipynb") ? name.substring(0, name.length() - 6) : name;
    }

    public ObservableList<CellModel> cells() {
        return cells;
    }

    /** Command-mode edits of the cells: insert, delete and undo, kinds, selection. */
    public CellEdits edits() {
        return edits;
    }

    /** The index of the selected cell (command mode's cursor). */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public CellModel selectedCell() {
        return edits.selectedCell();
    }

    public ReadOnlyObjectProperty<KernelStatus> kernelStatusProperty() {
        return kernelStatus.getReadOnlyProperty();
    }

    /** Why the kernel is dead; empty otherwise. */
    public ReadOnlyStringProperty kernelReasonProperty() {
        return kernelReason.getReadOnlyProperty();
    }

    /** True when the cells differ from the file. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Why the last save failed, or null. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** Set while the file has changed on disk and the user has not chosen reload, keep mine or save as. */
    public ReadOnlyStringProperty diskConflictProperty() {
        return storage.conflictProperty();
    }

    /** An autosave copy newer than the file, found on opening (after a crash); null once the user chose. */
    public ReadOnlyObjectProperty<Autosaves.Recovery> recoveryProperty() {
        return recovery.getReadOnlyProperty();
    }

    /** Completion, documentation and the variables of this notebook's kernel. */
    public KernelHelp help() {
        return help;
    }

    // --- running ----------------------------------------------------------------------------------

    /** Sends a code cell to the kernel (a markdown cell has nothing to run); a cell already queued is left alone. */
    public void run(CellModel cell) {
        if (!closed && cell.isCode() && !queue.contains(cell)) {
            queue.add(cell);
        }
    }

    public void runAll() {
        List.copyOf(cells).forEach(this::run);
    }

    /** Runs the cells above the selected one. */
    public void runAbove() {
        List.copyOf(cells.subList(0, Math.max(0, Math.min(selected.get(), cells.size())))).forEach(this::run);
    }

    /** Runs the selected cell and every cell below it. */
    public void runBelow() {
        List.copyOf(cells.subList(Math.max(0, Math.min(selected.get(), cells.size())), cells.size())).forEach(this::run);
    }

    /** Shift+Enter: runs the selected cell and selects the next one, adding a cell at the end. */
    public void runSelectedAndAdvance() {
        CellModel cell = selectedCell();
        if (cell == null) {
            return;
        }
        run(cell);
        if (selected.get() == cells.size() - 1) {
            cells.add(CellModel.newCode(""));
        }
        selected.set(selected.get() + 1);
    }

    /** Alt+Enter: runs the selected cell and inserts a new one below it. */
    public void runSelectedAndInsert() {
        CellModel cell = selectedCell();
        if (cell != null) {
            run(cell);
            edits.insertBelow();
        }
    }

    public void interrupt() {
        kernel.interrupt();
    }

    /** A fresh kernel: variables are lost, the cells and their outputs stay. */
    public CompletableFuture<Void> restart() {
        help.clearVariables();
        return kernel.restart();
    }

    /** Restarts the kernel and, once it is ready, runs every cell from the top. */
    public CompletableFuture<Void> restartAndRunAll() {
        return restart().thenRunAsync(this::runAll, ui);
    }

    /** Clears the outputs and execution count of the selected cell (unless it is queued or running). */
    public void clearSelectedOutputs() {
        CellModel cell = selectedCell();
        if (cell != null) {
            clearOutputs(cell);
        }
    }

    public void clearAllOutputs() {
        cells.forEach(this::clearOutputs);
    }

    private void clearOutputs(CellModel cell) {
        if (cell.state() == CellState.IDLE && (!cell.outputs().isEmpty() || cell.executionCountProperty().get() != null)) {
            cell.outputs().clear();
            cell.setExecutionCount(null);
            markDirty();
        }
    }

    private void cellFinished() {
        markDirty();
        if (queue.isEmpty()) {
            help.refreshVariables();
        }
    }

    private void onStatus(KernelStatus status, String reason) {
        kernelStatus.set(status);
        kernelReason.set(reason == null ? "" : reason);
        queue.updateStates();
        if (status == KernelStatus.DEAD || status == KernelStatus.RESTARTING) {
            help.clearVariables();
        }
    }

    // --- the file ---------------------------------------------------------------------------------

    /** Writes the notebook atomically, off the UI thread; completes on the UI executor. Refuses to overwrite another program's change. */
    public CompletableFuture<Void> save() {
        long generation = editGeneration;
        return afterSave(storage.save(snapshot()), generation);
    }

    /** Keep mine: the file changed on disk, and the user's cells replace it. */
    public CompletableFuture<Void> keepMine() {
        long generation = editGeneration;
        return afterSave(storage.overwrite(snapshot()), generation);
    }

    /** Save as: the user's cells go to a new file beside the changed one, which stays as the other program left it. */
    public CompletableFuture<Path> saveMineAsCopy() {
        long generation = editGeneration;
        return storage.saveAsCopy(snapshot()).thenApplyAsync(copy -> {
            saved(generation);
            return copy;
        }, ui);
    }

    /** Reload: the cells become the file's as it is on disk now (outputs included); the user's edits are dropped. */
    public CompletableFuture<Void> reload() {
        return storage.reload().thenAcceptAsync(doc -> {
            setCells(doc);
            saved(editGeneration);
        }, ui);
    }

    /** Looks for a change on disk now (on focus and on a poll). */
    public CompletableFuture<Boolean> checkDisk() {
        return closed ? CompletableFuture.completedFuture(false) : storage.check();
    }

    /** Takes the autosaved cells found on opening; they stay unsaved until the user saves. */
    public void recover() {
        Autosaves.Recovery r = recovery.get();
        if (r != null) {
            recovery.set(null);
            setCells(r.notebook());
            markDirty();
        }
    }

    /** Declines the autosaved cells found on opening and deletes them. */
    public CompletableFuture<Void> discardRecovery() {
        recovery.set(null);
        return storage.discardAutosave();
    }

    /** Closes the notebook for good: unsaved edits are saved (or, if the file changed on disk, kept as the autosave copy); the kernel ends. */
    public CompletableFuture<Void> close() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> kept = !dirty.get() ? CompletableFuture.completedFuture(null)
                : storage.conflictProperty().get() != null ? storage.autosave(snapshot())
                : save().exceptionallyCompose(e -> storage.autosave(snapshot()));
        shutdown();
        return kept;
    }

    /** Closes without saving (the user chose "Don't save"): the autosave copy goes too. */
    public CompletableFuture<Void> closeDiscarding() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        shutdown();
        return storage.discardAutosave();
    }

    private void shutdown() {
        closed = true;
        autosaver.cancel();
        help.close();
        kernel.removeListener(kernelListener);
        kernel.shutdown();
        timer.shutdownNow();
    }

    private CompletableFuture<Void> afterSave(CompletableFuture<Void> write, long generation) {
        return write.handleAsync((ok, error) -> {
            if (error != null) {
                Throwable cause = NotebookStorage.cause(error);
                saveError.set(cause instanceof NotebookStorage.ChangedOnDiskException ? null
                        : "Cannot save " + file().getFileName() + ": " + cause.getMessage());
                throw new java.util.concurrent.CompletionException(cause);
            }
            saved(generation);
            return null;
        }, ui);
    }

    private void saved(long generation) {
        saveError.set(null);
        if (generation == editGeneration) {
            dirty.set(false);
            autosaver.cancel();
        }
    }

    private void autosaveNow() {
        if (!closed && dirty.get()) {
            storage.autosave(snapshot());
        }
    }

    private Notebook snapshot() {
        return document.withCells(cells.stream().map(CellModel::toCell).toList());
    }

    private void setCells(Notebook doc) {
        cells.setAll(doc.cells().stream().map(CellModel::of).toList());
        if (cells.isEmpty()) {
            cells.add(CellModel.newCode(""));
        }
        selected.set(Math.min(selected.get(), cells.size() - 1));
    }

    private void watch(CellModel cell) {
        cell.sourceProperty().addListener(edited);
        cell.kindProperty().addListener(edited);
    }

    private void unwatch(CellModel cell) {
        cell.sourceProperty().removeListener(edited);
        cell.kindProperty().removeListener(edited);
    }

    private void markDirty() {
        editGeneration++;
        dirty.set(true);
        if (autosaver != null) {
            autosaver.edited();
        }
    }
}
