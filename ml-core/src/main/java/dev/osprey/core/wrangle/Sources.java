package dev.osprey.core.wrangle;

import java.util.Optional;

/** The other datasets a join or concatenation reads: their schema and the SQL that reads them. */
interface Sources {
    /** The dataset called {@code name}, or empty. */
    Optional<Source> find(String name);

    record Source(String name, Schema schema, String sql) {
    }
}
