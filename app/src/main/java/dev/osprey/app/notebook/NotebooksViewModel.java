package dev.osprey.app.notebook;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.notebook.model.Autosaves;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The Notebooks page: the workspace's notebooks ({@code notebooks/*.ipynb}) and the ones open in
 * tabs, each with its own kernel. Closing a tab shuts its kernel down; opening another workspace
 * closes every tab (saving edits). File work runs on {@code io}; results come back through the
 * context's UI executor.
 */
public final class NotebooksViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(NotebooksViewModel.class);

    private final AppContext app;
    private final Executor io;
    private final KernelLauncher launcher;
    private final NotebookTimings options;
    private final ObservableList<Path> notebooks = FXCollections.observableArrayList();
    private final ObservableList<NotebookViewModel> openNotebooks = FXCollections.observableArrayList();
    /** One read-only view, kept: the wrapper listens to the list weakly, so a fresh wrapper per call could lose its listeners. */
    private final ObservableList<NotebookViewModel> openNotebooksView = FXCollections.unmodifiableObservableList(openNotebooks);
    private final ObjectProperty<NotebookViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private long generation;

    public NotebooksViewModel(AppContext app) {
        this(app, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osprey-notebooks-page");
            t.setDaemon(true);
            return t;
        }), KernelLauncher.studio(), NotebookTimings.DEFAULT);
    }

    NotebooksViewModel(AppContext app, Executor io, KernelLauncher launcher, NotebookTimings options) {
        this.app = Objects.requireNonNull(app);
        this.io = Objects.requireNonNull(io);
        this.launcher = Objects.requireNonNull(launcher);
        this.options = Objects.requireNonNull(options);
        app.engineProperty().addListener((o, before, after) -> {
            closeAll();
            refresh();
        });
    }

    public ObservableList<Path> notebooks() {
        return FXCollections.unmodifiableObservableList(notebooks);
    }

    /** The open notebooks, in tab order. */
    public ObservableList<NotebookViewModel> openNotebooks() {
        return openNotebooksView;
    }

    /** The notebook in the front tab (null when none is open); the view writes it when the user picks a tab. */
    public ObjectProperty<NotebookViewModel> selectedProperty() {
        return selected;
    }

    public NotebookViewModel open() {
        return selected.get();
    }

    /** What went wrong with the list, a new notebook or opening one; null when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reads the notebooks folder again. */
    public CompletableFuture<Void> refresh() {
        Path dir = notebooksDir();
        long gen = ++generation;
        if (dir == null) {
            notebooks.clear();
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> list(dir), io).handleAsync((list, e) -> {
            if (gen == generation) {
                if (e != null) {
                    error.set("Cannot read " + dir + ": " + cause(e).getMessage());
                } else {
                    notebooks.setAll(list);
                }
            }
            return null;
        }, app.uiExecutor());
    }

    /** Creates {@code Untitled.ipynb} (or -2, -3...) with one empty code cell and opens it. */
    public CompletableFuture<NotebookViewModel> newNotebook() {
        Path dir = notebooksDir();
        if (dir == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no workspace is open"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve("Untitled.ipynb");
                for (int n = 2; Files.exists(file); n++) {
                    file = dir.resolve("Untitled-" + n + ".ipynb");
                }
                Notebooks.write(file, Notebook.create(List.of(Cell.Code.of(""))));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io).thenComposeAsync(file -> refresh().thenCompose(v -> openFile(file)), app.uiExecutor())
                .whenCompleteAsync((nb, e) -> {
                    if (e != null) {
                        error.set("Cannot create a notebook: " + cause(e).getMessage());
                    }
                }, app.uiExecutor());
    }

    /** Brings {@code file}'s tab to the front, opening it (and starting its kernel) in a new tab if needed. */
    public CompletableFuture<NotebookViewModel> openFile(Path file) {
        for (NotebookViewModel nb : openNotebooks) {
            if (nb.file().equals(file)) {
                selected.set(nb);
                return CompletableFuture.completedFuture(nb);
            }
        }
        Engine engine = app.engine();
        if (engine == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no workspace is open"));
        }
        Path workspace = engine.workspace().root();
        record Opened(Notebook doc, Autosaves.Recovery recovery) {
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Notebook doc = Notebooks.read(file);
                return new Opened(doc, Autosaves.pending(file).orElse(null));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io).handleAsync((opened, e) -> {
            if (e != null) {
                LOG.warn("Cannot open {}", file, cause(e));
                error.set("Cannot open " + file.getFileName() + ": " + cause(e).getMessage());
                throw new CompletionException(cause(e));
            }
            if (engine != app.engine()) {
                throw new CompletionException(new IllegalStateException("the workspace changed"));
            }
            for (NotebookViewModel nb : openNotebooks) {
                if (nb.file().equals(file)) { // opened twice in quick succession
                    selected.set(nb);
                    return nb;
                }
            }
            error.set(null);
            NotebookViewModel nb = new NotebookViewModel(file, opened.doc(), opened.recovery(), workspace, launcher,
                    app.uiExecutor(), io, options);
            nb.fileProperty().addListener((o, a, b) -> refresh()); // "save mine as" made a new file
            openNotebooks.add(nb);
            selected.set(nb);
            return nb;
        }, app.uiExecutor());
    }

    /** Closes a tab: saves its edits (the text is never lost) and shuts its kernel down. */
    public CompletableFuture<Void> close(NotebookViewModel nb) {
        remove(nb);
        return nb.close();
    }

    /** Closes a tab without saving its edits (the user chose "Don't save"). */
    public CompletableFuture<Void> closeDiscarding(NotebookViewModel nb) {
        remove(nb);
        return nb.closeDiscarding();
    }

    /** Closes every tab (saving edits): another workspace is opening, or the studio is closing. */
    public CompletableFuture<Void> closeAll() {
        List<NotebookViewModel> all = List.copyOf(openNotebooks);
        openNotebooks.clear();
        selected.set(null);
        return CompletableFuture.allOf(all.stream().map(NotebookViewModel::close).toArray(CompletableFuture[]::new));
    }

    private void remove(NotebookViewModel nb) {
        int at = openNotebooks.indexOf(nb);
        openNotebooks.remove(nb);
        if (selected.get() == nb) {
            selected.set(openNotebooks.isEmpty() ? null : openNotebooks.get(Math.min(Math.max(0, at), openNotebooks.size() - 1)));
        }
    }
    private Path notebooksDir() {
        Engine engine = app.engine();
        return engine == null ? null : engine.workspace().notebooksDir();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p)
                            && !p.getFileName().toString().startsWith(dev.osprey.core.workspace.AtomicFiles.TEMP_PREFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Throwable cause(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
