package dev.osprey.core.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The workspace catalog: one SQLite file in WAL mode with foreign keys on. Access is serialised
 * through one connection (a desktop catalog sees few writers); every change runs in a transaction.
 */
public final class Catalog implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Catalog(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static Catalog open(Path file) throws WorkspaceException {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 5000");
                try (var rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    rs.next();
                }
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA synchronous = FULL");
            }
            Catalog catalog = new Catalog(file, c);
            Migrations.apply(c);
            return catalog;
        } catch (SQLException e) {
            throw new WorkspaceException("The workspace catalog " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read (or a single self-contained statement). */
    public <T> T read(SqlWork<T> work) throws SQLException {
        lock.lock();
        try {
            return work.apply(connection);
        } finally {
            lock.unlock();
        }
    }

    public int schemaVersion() throws SQLException {
        return read(Migrations::currentVersion);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a catalog we no longer use; nothing to recover
        } finally {
            lock.unlock();
        }
    }
}
