package dev.osprey.core.workspace;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;

/**
 * An open workspace: a folder with the SQLite catalog {@code osprey.db} and the user's files.
 * Opening takes an exclusive lock on {@code .osprey.lock}, so a second Osprey process gets a
 * clear message instead of a second writer on the catalog. Close it to release the lock.
 */
public final class Workspace implements AutoCloseable {
    public static final String CATALOG_FILE = "osprey.db";
    public static final String LOCK_FILE = ".osprey.lock";
    /** Folders every workspace has, relative to its root. */
    public static final List<String> FOLDERS = List.of("data", "notebooks", "models", "labeling", "captures");
    /**
     * Set by the studio on the processes it starts (notebook kernels) to its own pid: such a process
     * may open the workspace the studio holds, as a guest. Nothing else can.
     */
    public static final String HOST_PID_PROPERTY = "osprey.workspace.hostPid";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Catalog catalog;
    private final boolean guest;

    private Workspace(Path root, FileChannel lockChannel, FileLock lock, Catalog catalog) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.catalog = catalog;
        this.guest = lock == null;
    }

    /** True when {@code dir} holds a workspace catalog. */
    public static boolean isWorkspace(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(CATALOG_FILE));
    }

    /** Creates a new workspace in {@code dir} (which may exist but must not already be a workspace) and opens it. */
    public static Workspace create(Path dir) throws WorkspaceException {
        Path root = dir.toAbsolutePath().normalize();
        if (isWorkspace(root)) {
            throw new WorkspaceException("There is already a workspace in " + root + ".");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new WorkspaceException(root + " is a file, not a folder.");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create the folder " + root + ": " + e.getMessage(), e);
        }
        return openOrCreate(root);
    }

    /** Opens an existing workspace, applying any pending catalog migrations. */
    public static Workspace open(Path dir) throws WorkspaceException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new WorkspaceException("There is no folder " + root + ".");
        }
        if (!isWorkspace(root)) {
            throw new WorkspaceException(root + " is not an Osprey workspace (it has no " + CATALOG_FILE
                    + "). Create one with 'osprey workspace init " + root + "'.");
        }
        return openOrCreate(root);
    }

    private static Workspace openOrCreate(Path root) throws WorkspaceException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                if (isLentTo(holder)) {
                    // The holder started this process and lends it the workspace: share its catalog
                    // (SQLite serialises the two), but leave its files and temp files alone.
                    return new Workspace(root, null, null, Catalog.open(root.resolve(CATALOG_FILE)));
                }
                throw new WorkspaceLockedException(root, holder);
            }
            writeHolder(channel);
            for (String folder : FOLDERS) {
                Path f = root.resolve(folder);
                Files.createDirectories(f);
                AtomicFiles.sweepTemporaries(f);
            }
            AtomicFiles.sweepTemporaries(root);
            Catalog catalog = Catalog.open(root.resolve(CATALOG_FILE));
            return new Workspace(root, channel, lock, catalog);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WorkspaceException("Cannot open the workspace " + root + ": " + e.getMessage(), e);
        } catch (WorkspaceException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** True when the lock's holder ("pid N on host") is the process named by {@link #HOST_PID_PROPERTY}. */
    private static boolean isLentTo(String holder) {
        String host = System.getProperty(HOST_PID_PROPERTY);
        return host != null && !host.isBlank() && holder.startsWith("pid " + host.strip() + " ");
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String who = "pid " + ProcessHandle.current().pid() + " on " + hostName();
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static String readHolder(FileChannel channel) {
        try {
            var buf = java.nio.ByteBuffer.allocate(256);
            int n = channel.read(buf, 0);
            return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "this machine";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is what the user needs
            }
        }
    }

    public Path root() {
        return root;
    }

    public String name() {
        Path fn = root.getFileName();
        return fn == null ? root.toString() : fn.toString();
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path notebooksDir() {
        return root.resolve("notebooks");
    }

    public Path modelsDir() {
        return root.resolve("models");
    }

    public Path labelingDir() {
        return root.resolve("labeling");
    }

    public Path capturesDir() {
        return root.resolve("captures");
    }

    public Catalog catalog() {
        return catalog;
    }

    /** True when this process uses a workspace that the studio which started it holds. */
    public boolean isGuest() {
        return guest;
    }

    /** Runs SQLite's own consistency check; "ok" when the catalog is sound. */
    public String integrityCheck() throws SQLException {
        return catalog.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA integrity_check")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(rs.getString(1));
                }
                return sb.toString();
            }
        });
    }

    @Override
    public void close() {
        catalog.close();
        if (guest) {
            return;
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(lockChannel);
    }

    @Override
    public String toString() {
        return "Workspace[" + root + "]";
    }
}
