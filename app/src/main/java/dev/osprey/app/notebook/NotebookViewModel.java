package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.Execution;
import dev.osprey.notebook.kernel.ExecutionEvent;
import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelListener;
import dev.osprey.notebook.kernel.KernelStatus;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import dev.osprey.notebook.run.CellOutputs;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open notebook: its cells, its own kernel, and the queue of cells sent to it. State is read
 * and written on the UI executor only. Kernel events arrive on kernel threads and cross only
 * through that executor; a cell's output is coalesced (one refresh per {@link #FLUSH_MILLIS} at
 * most), so a cell printing 10,000 lines costs the UI a few refreshes, not 10,000.
 */
public final class NotebookViewModel {
    static final long FLUSH_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(NotebookViewModel.class);

    private final Path file;
    private final Notebook document;
    private final Executor ui;
    private final Executor io;
    private final Kernel kernel;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "osprey-notebook-output");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<CellModel> cells = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", 0);
    private final ReadOnlyObjectWrapper<KernelStatus> kernelStatus = new ReadOnlyObjectWrapper<>(this, "kernelStatus", KernelStatus.STARTING);
    private final ReadOnlyStringWrapper kernelReason = new ReadOnlyStringWrapper(this, "kernelReason", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError");
    private final List<Pending> pending = new ArrayList<>();
    private final ChangeListener<Object> edited = (o, a, b) -> markDirty();
    private final KernelListener kernelListener;
    private long editGeneration;
    private boolean closed;

    /** A cell sent to the kernel and not finished yet. */
    private static final class Pending {
        final CellModel cell;
        final AtomicBoolean flushScheduled = new AtomicBoolean();
        Execution execution;
        boolean done;

        Pending(CellModel cell) {
            this.cell = cell;
        }
    }

    /** Opens {@code document} (read from {@code file}) and starts its kernel in the background. */
    public NotebookViewModel(Path file, Notebook document, Path workspaceRoot, KernelLauncher launcher, Executor ui, Executor io) {
        this.file = Objects.requireNonNull(file);
        this.document = Objects.requireNonNull(document);
        this.ui = Objects.requireNonNull(ui);
        this.io = Objects.requireNonNull(io);
        cells.addListener((ListChangeListener<CellModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::unwatch);
                c.getAddedSubList().forEach(this::watch);
            }
            markDirty();
        });
        document.cells().forEach(cell -> cells.add(CellModel.of(cell)));
        if (cells.isEmpty()) {
            cells.add(CellModel.newCode(""));
        }
        dirty.set(false);
        kernelListener = new KernelListener() {
            @Override
            public void statusChanged(KernelStatus status, String reason) {
                ui.execute(() -> onStatus(status, reason));
            }
        };
        kernel = launcher.start(workspaceRoot, file.toAbsolutePath().getParent());
        kernel.addListener(kernelListener);
    }

    // --- state the view binds to ------------------------------------------------------------------

    public Path file() {
        return file;
    }

    public String title() {
        String name = file.getFileName().toString();
        return name.endsWith(".ipynb") ? name.substring(0, name.length() - 6) : name;
    }

    public ObservableList<CellModel> cells() {
        return cells;
    }

    /** The index of the selected cell (command mode's cursor). */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public CellModel selectedCell() {
        int i = selected.get();
        return i >= 0 && i < cells.size() ? cells.get(i) : null;
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

    // --- running ----------------------------------------------------------------------------------

    /** Sends a code cell to the kernel (a markdown cell has nothing to run); a cell already queued is left alone. */
    public void run(CellModel cell) {
        if (closed || !cell.isCode() || pending.stream().anyMatch(p -> p.cell == cell)) {
            return;
        }
        Pending p = new Pending(cell);
        pending.add(p);
        cell.outputs().clear();
        cell.setState(CellState.QUEUED);
        p.execution = kernel.execute(cell.source(), event -> onEvent(p, event));
        updateStates();
    }

    public void runAll() {
        List.copyOf(cells).forEach(this::run);
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
            insertBelow();
        }
    }

    public void interrupt() {
        kernel.interrupt();
    }

    /** A fresh kernel: variables are lost, the cells and their outputs stay. */
    public CompletableFuture<Void> restart() {
        return kernel.restart();
    }

    private void onEvent(Pending p, ExecutionEvent event) {
        if (event instanceof ExecutionEvent.Completed done) {
            ui.execute(() -> finish(p, done));
        } else if (p.flushScheduled.compareAndSet(false, true)) {
            timer.schedule(() -> ui.execute(() -> flush(p)), FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush(Pending p) {
        p.flushScheduled.set(false);
        if (!p.done) {
            p.cell.outputs().setAll(CellOutputs.of(p.execution.events(), 0));
        }
    }

    private void finish(Pending p, ExecutionEvent.Completed done) {
        p.done = true;
        pending.remove(p);
        p.cell.outputs().setAll(CellOutputs.of(p.execution.events(), done.executionCount()));
        if (done.executionCount() > 0) {
            p.cell.setExecutionCount(done.executionCount());
        }
        p.cell.setState(CellState.IDLE);
        markDirty();
        updateStates();
    }

    private void onStatus(KernelStatus status, String reason) {
        kernelStatus.set(status);
        kernelReason.set(reason == null ? "" : reason);
        updateStates();
    }

    /** The first cell in the queue runs while the kernel is busy; the others wait. */
    private void updateStates() {
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).cell.setState(i == 0 && kernelStatus.get() == KernelStatus.BUSY ? CellState.RUNNING : CellState.QUEUED);
        }
    }

    // --- editing (command mode) -------------------------------------------------------------------

    public void insertAbove() {
        int at = Math.max(0, selected.get());
        cells.add(Math.min(at, cells.size()), CellModel.newCode(""));
        selected.set(at);
    }

    public void insertBelow() {
        int at = Math.min(cells.size(), selected.get() + 1);
        cells.add(at, CellModel.newCode(""));
        selected.set(at);
    }

    /** Deletes the selected cell; a notebook keeps at least one (empty) cell. */
    public void deleteSelected() {
        int at = selected.get();
        if (at < 0 || at >= cells.size()) {
            return;
        }
        cells.remove(at);
        if (cells.isEmpty()) {
            cells.add(CellModel.newCode(""));
        }
        selected.set(Math.min(at, cells.size() - 1));
    }

    public void setSelectedKind(CellModel.Kind kind) {
        CellModel cell = selectedCell();
        if (cell != null && cell.state() == CellState.IDLE && cell.kind() != kind) {
            cell.kindProperty().set(kind);
            if (kind != CellModel.Kind.CODE) {
                cell.outputs().clear();
                cell.setExecutionCount(null);
            }
        }
    }

    public void moveSelection(int delta) {
        selected.set(Math.max(0, Math.min(cells.size() - 1, selected.get() + delta)));
    }

    // --- saving and closing -----------------------------------------------------------------------

    /** Writes the notebook atomically, off the UI thread; completes on the UI executor. */
    public CompletableFuture<Void> save() {
        Notebook snapshot = document.withCells(cells.stream().map(CellModel::toCell).toList());
        long generation = editGeneration;
        return CompletableFuture.runAsync(() -> {
            try {
                Notebooks.write(file, snapshot);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).handleAsync((ok, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                LOG.warn("Cannot save {}", file, cause);
                saveError.set("Cannot save " + file.getFileName() + ": " + cause.getMessage());
                throw new java.util.concurrent.CompletionException(cause);
            }
            saveError.set(null);
            if (generation == editGeneration) {
                dirty.set(false);
            }
            return null;
        }, ui);
    }

    /** Saves unsaved edits (the text is never lost) and shuts the kernel down. */
    public CompletableFuture<Void> close() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        closed = true;
        CompletableFuture<Void> saved = dirty.get() ? save() : CompletableFuture.completedFuture(null);
        kernel.removeListener(kernelListener);
        kernel.shutdown();
        timer.shutdownNow();
        return saved;
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
    }
}
