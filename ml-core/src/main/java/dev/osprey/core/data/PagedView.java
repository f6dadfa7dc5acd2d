package dev.osprey.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One ordered set of rows the grid pages through: a query's result written once to a Parquet
 * snapshot ({@code snapshot}), where row {@code i} is the file's row {@code i}, or, while no
 * snapshot exists yet, the source read live ({@code snapshot} null; deep pages are then slow).
 */
public record PagedView(GridQuery query, Path snapshot, long rows) {
    public PagedView {
        Objects.requireNonNull(query, "query");
        if (rows < 0) {
            throw new IllegalArgumentException("a view cannot have " + rows + " rows");
        }
    }

    public boolean isLive() {
        return snapshot == null;
    }
}
