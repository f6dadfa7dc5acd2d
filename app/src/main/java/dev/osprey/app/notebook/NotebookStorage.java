package dev.osprey.app.notebook;

import dev.osprey.notebook.model.Autosaves;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The notebook's file on disk, as the editor last saw it. It remembers the text it read or wrote,
 * so it can tell when another program changed the file ({@link #check()}: on focus, before a
 * save, and on a poll); a save over such a change is refused and the user decides (reload, keep
 * mine, save mine as a copy). Autosave goes to {@link Autosaves}' copy, never to the file.
 * Properties are read and written on {@code ui}; file work runs on {@code io}.
 */
final class NotebookStorage {
    private static final Logger LOG = LoggerFactory.getLogger(NotebookStorage.class);

    private final Executor ui;
    private final Executor io;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper conflict = new ReadOnlyStringWrapper(this, "conflict");
    /** What the file held when we last read or wrote it; touched on {@code io} only. */
    private volatile String known;
    private volatile FileTime knownTime;
    private volatile long knownSize = -1;

    /** Raised by {@link #save} when the file changed on disk since we last read or wrote it. */
    static final class ChangedOnDiskException extends IOException {
        ChangedOnDiskException(Path file) {
            super(describe(file));
        }
    }

    NotebookStorage(Path file, Executor ui, Executor io) {
        this.file.set(file);
        this.ui = ui;
        this.io = io;
        io.execute(() -> remember(file));
    }

    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    Path file() {
        return file.get();
    }

    /** A sentence saying how the file changed on disk, while the user has not decided what to do; else null. */
    ReadOnlyStringProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** Writes {@code contents} to the file unless another program changed it; then fails with {@link ChangedOnDiskException}. */
    CompletableFuture<Void> save(Notebook contents) {
        Path target = file.get();
        return this.<Void>onIo(() -> {
            if (changedOnDisk(target)) {
                throw new ChangedOnDiskException(target);
            }
            write(target, contents);
            return null;
        }).whenCompleteAsync((ok, e) -> {
            if (e != null && cause(e) instanceof ChangedOnDiskException changed) {
                conflict.set(changed.getMessage());
            }
        }, ui);
    }

    /** Keep mine: writes {@code contents} over whatever the file holds now (the user chose to). */
    CompletableFuture<Void> overwrite(Notebook contents) {
        Path target = file.get();
        return onIo(() -> {
            write(target, contents);
            return null;
        }).thenRunAsync(() -> conflict.set(null), ui);
    }

    /** Save as: writes {@code contents} to a new file beside this one ({@code NAME-mine.ipynb}) and follows it from now on. */
    CompletableFuture<Path> saveAsCopy(Notebook contents) {
        Path original = file.get();
        return onIo(() -> {
            String name = original.getFileName().toString().replaceFirst("\\.ipynb$", "");
            Path copy = original.resolveSibling(name + "-mine.ipynb");
            for (int n = 2; Files.exists(copy); n++) {
                copy = original.resolveSibling(name + "-mine-" + n + ".ipynb");
            }
            write(copy, contents);
            Autosaves.discard(original);
            return copy;
        }).thenApplyAsync(copy -> {
            file.set(copy);
            conflict.set(null);
            return copy;
        }, ui);
    }

    /** Reload: reads the file as it is on disk now. */
    CompletableFuture<Notebook> reload() {
        Path target = file.get();
        return onIo(() -> {
            Notebook doc = Notebooks.read(target);
            remember(target);
            Autosaves.discard(target);
            return doc;
        }).thenApplyAsync(doc -> {
            conflict.set(null);
            return doc;
        }, ui);
    }

    /** Looks at the file; completes true (and raises the conflict) if another program changed it. */
    CompletableFuture<Boolean> check() {
        Path target = file.get();
        return onIo(() -> changedOnDisk(target) ? describe(target) : null).thenApplyAsync(change -> {
            if (change != null && target.equals(file.get()) && conflict.get() == null) {
                conflict.set(change);
            }
            return change != null;
        }, ui);
    }

    /** Writes the autosave copy (atomically), off the UI thread. */
    CompletableFuture<Void> autosave(Notebook contents) {
        Path target = file.get();
        return onIo(() -> {
            Autosaves.write(target, contents);
            return null;
        });
    }

    /** Drops the autosave copy (the user chose not to keep the unsaved edits). */
    CompletableFuture<Void> discardAutosave() {
        Path target = file.get();
        return onIo(() -> {
            Autosaves.discard(target);
            return null;
        });
    }

    // --- io thread --------------------------------------------------------------------------------

    private void write(Path target, Notebook contents) throws IOException {
        Notebooks.write(target, contents);
        remember(target);
        Autosaves.discard(target);
    }

    private void remember(Path target) {
        try {
            known = Files.readString(target);
            knownTime = Files.getLastModifiedTime(target);
            knownSize = Files.size(target);
        } catch (IOException e) {
            known = null;
            knownTime = null;
            knownSize = -1;
        }
    }

    /**
     * True when the file's text differs from what we last read or wrote. The time and size are
     * compared first so that a poll reads the file only when something moved; a touch that left
     * the text alone is not a change.
     */
    private boolean changedOnDisk(Path target) throws IOException {
        if (known == null) {
            return false; // never read it (a new file being created): nothing to protect
        }
        FileTime time;
        long size;
        try {
            time = Files.getLastModifiedTime(target);
            size = Files.size(target);
        } catch (NoSuchFileException gone) {
            return true;
        }
        if (time.equals(knownTime) && size == knownSize) {
            return false;
        }
        String now = Files.readString(target);
        if (now.equals(known)) {
            knownTime = time;
            knownSize = size;
            return false;
        }
        return true;
    }

    private static String describe(Path target) {
        return Files.exists(target)
                ? target.getFileName() + " was changed on disk by another program."
                : target.getFileName() + " was deleted or moved on disk by another program.";
    }

    private interface IoWork<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> onIo(IoWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io).whenComplete((ok, e) -> {
            if (e != null && !(cause(e) instanceof ChangedOnDiskException)) {
                LOG.warn("Notebook file work on {} failed", file.get(), cause(e));
            }
        });
    }

    static Throwable cause(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
