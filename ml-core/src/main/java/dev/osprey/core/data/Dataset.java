package dev.osprey.core.data;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset in the catalog: where its file is, how it was read, and its schema.
 * {@code location} is absolute; {@code fingerprint} identifies the content (SHA-256 for copies).
 */
public record Dataset(DatasetId id, String name, DataFormat format, StorageMode storageMode, Path location,
                      String sourcePath, long rowCount, long sizeBytes, String fingerprint, Instant createdAt,
                      List<Column> columns) {
    public Dataset {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(format);
        Objects.requireNonNull(storageMode);
        Objects.requireNonNull(location);
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Column> target() {
        return columns.stream().filter(c -> c.role() == ColumnRole.TARGET).findFirst();
    }
}
