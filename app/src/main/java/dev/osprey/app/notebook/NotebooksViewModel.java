package dev.osprey.app.notebook;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
 * The Notebooks page: the workspace's notebooks ({@code notebooks/*.ipynb}) and the one open in
 * the editor, with its kernel. Opening another notebook or another workspace closes the open one
 * (saving its edits, shutting its kernel down). File work runs on {@code io}; results come back
 * through the context's UI executor.
 */
public final class NotebooksViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(NotebooksViewModel.class);

    private final AppContext app;
    private final Executor io;
    private final KernelLauncher launcher;
    private final ObservableList<Path> notebooks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<NotebookViewModel> open = new ReadOnlyObjectWrapper<>(this, "open");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private long generation;

    public NotebooksViewModel(AppContext app) {
        this(app, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osprey-notebooks-page");
            t.setDaemon(true);
            return t;
        }), KernelLauncher.studio());
    }

    NotebooksViewModel(AppContext app, Executor io, KernelLauncher launcher) {
        this.app = Objects.requireNonNull(app);
        this.io = Objects.requireNonNull(io);
        this.launcher = Objects.requireNonNull(launcher);
        app.engineProperty().addListener((o, before, after) -> {
            closeOpen();
            refresh();
        });
    }

    public ObservableList<Path> notebooks() {
        return FXCollections.unmodifiableObservableList(notebooks);
    }

    public ReadOnlyObjectProperty<NotebookViewModel> openProperty() {
        return open.getReadOnlyProperty();
    }

    public NotebookViewModel open() {
        return open.get();
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

    /** Opens {@code file} in the editor (closing the open one) and starts its kernel. */
    public CompletableFuture<NotebookViewModel> openFile(Path file) {
        NotebookViewModel current = open.get();
        if (current != null && current.file().equals(file)) {
            return CompletableFuture.completedFuture(current);
        }
        Engine engine = app.engine();
        if (engine == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no workspace is open"));
        }
        closeOpen();
        Path workspace = engine.workspace().root();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Notebooks.read(file);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io).handleAsync((doc, e) -> {
            if (e != null) {
                LOG.warn("Cannot open {}", file, cause(e));
                error.set("Cannot open " + file.getFileName() + ": " + cause(e).getMessage());
                throw new CompletionException(cause(e));
            }
            if (engine != app.engine()) {
                throw new CompletionException(new IllegalStateException("the workspace changed"));
            }
            error.set(null);
            closeOpen();
            NotebookViewModel nb = new NotebookViewModel(file, doc, workspace, launcher, app.uiExecutor(), io);
            open.set(nb);
            return nb;
        }, app.uiExecutor());
    }

    /** Closes the open notebook: saves its edits and shuts its kernel down. */
    public CompletableFuture<Void> closeOpen() {
        NotebookViewModel current = open.get();
        open.set(null);
        return current == null ? CompletableFuture.completedFuture(null) : current.close();
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
