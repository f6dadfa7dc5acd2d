package dev.osprey.core.workspace;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against the catalog connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
