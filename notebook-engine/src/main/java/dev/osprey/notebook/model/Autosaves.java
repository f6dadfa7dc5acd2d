package dev.osprey.notebook.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Autosave copies of notebooks, kept beside them in a hidden folder:
 * {@code notebooks/.osprey-autosave/NAME.ipynb}. The editor writes the copy (atomically) a few
 * seconds after the last edit and deletes it when the user saves, so the notebook file itself
 * only changes when the user says so, and another program's edits to it are never overwritten by
 * a timer. After a crash the copy outlives the session: opening the notebook finds a copy newer
 * than the file and offers to recover it.
 */
public final class Autosaves {
    /** The hidden folder, inside the notebook's folder. */
    public static final String FOLDER = ".osprey-autosave";

    private Autosaves() {
    }

    /** Where the autosave copy of {@code notebook} lives. */
    public static Path pathFor(Path notebook) {
        Path abs = notebook.toAbsolutePath();
        return abs.resolveSibling(FOLDER).resolve(abs.getFileName().toString());
    }

    /** Writes the copy atomically: a crash while writing leaves the previous copy whole. */
    public static void write(Path notebook, Notebook contents) throws IOException {
        Path copy = pathFor(notebook);
        Files.createDirectories(copy.getParent());
        Notebooks.write(copy, contents);
    }

    /** Removes the copy (after a save, or when the user declines to recover it). */
    public static void discard(Path notebook) throws IOException {
        Path copy = pathFor(notebook);
        Files.deleteIfExists(copy);
        try {
            Files.deleteIfExists(copy.getParent()); // only when empty; other notebooks' copies keep it
        } catch (IOException notEmpty) {
            // other notebooks' copies live there
        }
    }

    /**
     * An autosave copy worth offering: it exists, is newer than the notebook file (or the file is
     * gone) and holds something different from it. A copy that is unreadable or says the same as
     * the file is left alone and not offered.
     */
    public static Optional<Recovery> pending(Path notebook) throws IOException {
        Path copy = pathFor(notebook);
        FileTime copyTime;
        try {
            copyTime = Files.getLastModifiedTime(copy);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String fileText = null;
        if (Files.exists(notebook)) {
            if (Files.getLastModifiedTime(notebook).compareTo(copyTime) > 0) {
                return Optional.empty(); // saved (by us or someone else) after the copy was made
            }
            fileText = Files.readString(notebook);
        }
        Notebook recovered;
        try {
            recovered = Notebooks.read(copy);
        } catch (NotebookFormatException damaged) {
            return Optional.empty();
        }
        if (fileText != null && Notebooks.toJson(recovered).equals(fileText)) {
            return Optional.empty();
        }
        return Optional.of(new Recovery(copy, recovered, copyTime.toInstant()));
    }

    /** An autosave copy newer than its notebook file. */
    public record Recovery(Path copy, Notebook notebook, Instant savedAt) {
        public Recovery {
            Objects.requireNonNull(copy, "copy");
            Objects.requireNonNull(notebook, "notebook");
            Objects.requireNonNull(savedAt, "savedAt");
        }
    }
}
