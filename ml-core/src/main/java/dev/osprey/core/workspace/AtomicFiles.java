package dev.osprey.core.workspace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every file the studio writes goes through here: the bytes go to a temporary file in the
 * target's folder, are forced to disk, and the temporary file is atomically renamed over the
 * target. A crash at any moment leaves either the old file or the new one, never half of one.
 */
public final class AtomicFiles {
    /** Prefix of temporary files; {@link #sweepTemporaries(Path)} removes leftovers of a crash. */
    public static final String TEMP_PREFIX = ".osprey-tmp-";

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> FILE_PERMISSIONS =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Writes what {@code writer} produces to {@code target}, atomically. */
    public static void write(Path target, IoConsumer<OutputStream> writer) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        Path tmp = newTemp(dir);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.accept(out);
            }
            commit(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A temporary file beside {@code target}, for writers (such as DuckDB) that need a path. */
    public static Path tempFileFor(Path target) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        return newTemp(dir);
    }

    // createTempFile makes owner-only files; a workspace file should look like any file the user saved.
    private static Path newTemp(Path dir) throws IOException {
        Path tmp = Files.createTempFile(dir, TEMP_PREFIX, ".part");
        try {
            Files.setPosixFilePermissions(tmp, FILE_PERMISSIONS);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
        return tmp;
    }

    /** Forces {@code tmp} to disk and renames it over {@code target}; then forces the folder entry. */
    public static void commit(Path tmp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + target.getParent() + " cannot rename atomically; Osprey will not write there", e);
        }
        forceDirectory(parentOf(target));
    }

    /** Removes temporary files left by a process that died while writing. */
    public static int sweepTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static void forceDirectory(Path dir) {
        // Persists the rename on POSIX file systems; some platforms cannot open a folder, which is fine there.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort by design
        }
    }

    private static Path parentOf(Path target) {
        Path abs = target.toAbsolutePath();
        return abs.getParent();
    }

    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }
}
