package dev.osprey.core.data;

import dev.osprey.core.workspace.Catalog;
import dev.osprey.core.workspace.Workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dataset tables of the workspace catalog. A copied file's location is stored relative to
 * the workspace (so the folder can move); a linked file's is absolute.
 */
final class DatasetCatalog {
    private static final String COLUMNS = "id, name, format, storage_mode, location, source_path, row_count, size_bytes,"
            + " fingerprint, created_at";

    /** A dataset about to be added (its file is already in place). */
    record NewDataset(String name, DataFormat format, StorageMode mode, Path location, String sourcePath,
                      ReadOptions options, long rowCount, long sizeBytes, String fingerprint, List<Column> columns) {
    }

    private final Workspace workspace;
    private final Catalog catalog;

    DatasetCatalog(Workspace workspace) {
        this.workspace = workspace;
        this.catalog = workspace.catalog();
    }

    boolean exists(String name) throws SQLException {
        return catalog.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dataset WHERE name = ? COLLATE NOCASE")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    DatasetId insert(NewDataset d) throws SQLException {
        return catalog.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset (name, format, storage_mode, location,"
                    + " source_path, read_options, row_count, size_bytes, fingerprint, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, d.name());
                ps.setString(2, d.format().name());
                ps.setString(3, d.mode().name());
                ps.setString(4, storedLocation(d.mode(), d.location()));
                ps.setString(5, d.sourcePath());
                ps.setString(6, d.options().toJson());
                ps.setLong(7, d.rowCount());
                ps.setLong(8, d.sizeBytes());
                ps.setString(9, d.fingerprint());
                ps.setString(10, Instant.now().toString());
                ps.executeUpdate();
            }
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                id = rs.getLong(1);
            }
            writeColumns(c, id, d.columns());
            return new DatasetId(id);
        });
    }

    void replaceColumns(DatasetId id, List<Column> columns) throws SQLException {
        catalog.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dataset_column WHERE dataset_id = ?")) {
                ps.setLong(1, id.value());
                ps.executeUpdate();
            }
            writeColumns(c, id.value(), columns);
            return null;
        });
    }

    private static void writeColumns(Connection c, long id, List<Column> columns) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_column (dataset_id, position, source_name, name,"
                + " type, role, missing, distinct_values) VALUES (?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, col.sourceName());
                ps.setString(4, col.name());
                ps.setString(5, col.type().name());
                ps.setString(6, col.role().name());
                ps.setLong(7, col.missing());
                ps.setLong(8, col.distinct());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    boolean delete(DatasetId id) throws SQLException {
        return catalog.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dataset WHERE id = ?")) {
                ps.setLong(1, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    List<Dataset> list() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM dataset ORDER BY name COLLATE NOCASE", null);
    }

    Optional<Dataset> find(String name) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM dataset WHERE name = ?", name).stream().findFirst();
    }

    Optional<Dataset> get(DatasetId id) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM dataset WHERE id = ?", id.value()).stream().findFirst();
    }

    Optional<ReadOptions> readOptions(DatasetId id) throws SQLException {
        return catalog.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT read_options FROM dataset WHERE id = ?")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ReadOptions.fromJson(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    private List<Dataset> query(String sql, Object arg) throws SQLException {
        return catalog.read(c -> {
            List<Dataset> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setObject(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            List<Dataset> withColumns = new ArrayList<>();
            for (Dataset d : out) {
                withColumns.add(new Dataset(d.id(), d.name(), d.format(), d.storageMode(), d.location(), d.sourcePath(),
                        d.rowCount(), d.sizeBytes(), d.fingerprint(), d.createdAt(), columns(c, d.id())));
            }
            return withColumns;
        });
    }

    private Dataset row(ResultSet rs) throws SQLException {
        StorageMode mode = StorageMode.valueOf(rs.getString(4));
        Path stored = Path.of(rs.getString(5));
        Path location = stored.isAbsolute() ? stored : workspace.root().resolve(stored);
        return new Dataset(new DatasetId(rs.getLong(1)), rs.getString(2), DataFormat.valueOf(rs.getString(3)), mode,
                location, rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9), Instant.parse(rs.getString(10)),
                List.of());
    }

    private static List<Column> columns(Connection c, DatasetId id) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, source_name, type, role, missing, distinct_values"
                + " FROM dataset_column WHERE dataset_id = ? ORDER BY position")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Column(rs.getString(1), rs.getString(2), ColumnType.valueOf(rs.getString(3)),
                            ColumnRole.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6)));
                }
            }
        }
        return out;
    }

    private String storedLocation(StorageMode mode, Path location) {
        Path abs = location.toAbsolutePath().normalize();
        if (mode == StorageMode.COPY && abs.startsWith(workspace.root())) {
            return workspace.root().relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }
}
