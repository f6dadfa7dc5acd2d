package dev.osprey.core.data;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.Workspace;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The datasets of one workspace, read through one embedded DuckDB. Thread-safe: every call
 * takes its own DuckDB connection, and the catalog serialises its own access, so an import on
 * a job thread and a list on the UI thread run side by side.
 */
final class DuckDatasetService implements DatasetService {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDatasetService.class);

    private final DuckEngine engine;
    private final DatasetCatalog catalog;
    private final Importer importer;
    /** Read options by dataset id; they never change after import, so caching them is safe. */
    private final Map<DatasetId, ReadOptions> options = new ConcurrentHashMap<>();

    DuckDatasetService(Workspace workspace) throws DataException {
        try {
            this.engine = new DuckEngine();
        } catch (SQLException e) {
            throw new DataException("Cannot start DuckDB: " + e.getMessage(), e);
        }
        this.catalog = new DatasetCatalog(workspace);
        this.importer = new Importer(workspace, engine, catalog);
    }

    @Override
    public Dataset importFile(ImportRequest request, JobContext context) throws DataException {
        DatasetId id = importer.run(request, context == null ? JobContext.NONE : context);
        return get(id);
    }

    @Override
    public List<Dataset> list() throws DataException {
        try {
            return catalog.list();
        } catch (SQLException e) {
            throw catalogError(e);
        }
    }

    @Override
    public Optional<Dataset> find(String name) throws DataException {
        try {
            return catalog.find(name);
        } catch (SQLException e) {
            throw catalogError(e);
        }
    }

    @Override
    public Dataset get(DatasetId id) throws DataException {
        try {
            return catalog.get(id).orElseThrow(() -> new DataException("There is no dataset " + id + " in this workspace."));
        } catch (SQLException e) {
            throw catalogError(e);
        }
    }

    @Override
    public TablePreview preview(DatasetId id, int limit) throws DataException {
        if (limit < 0) {
            throw new IllegalArgumentException("a preview limit cannot be negative: " + limit);
        }
        Dataset d = get(id);
        String sql = selectSql(d) + " LIMIT " + limit;
        List<List<Object>> rows = new ArrayList<>();
        try (DuckDBConnection c = engine.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = d.columns().size();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(javaValue(rs.getObject(i)));
                }
                rows.add(java.util.Collections.unmodifiableList(row));
            }
        } catch (SQLException e) {
            throw new DataException("Cannot read the dataset '" + d.name() + "' from " + d.location() + ": "
                    + DuckErrors.translate(e, d.format()).getMessage(), e);
        }
        return new TablePreview(d.columns(), rows, d.rowCount());
    }

    @Override
    public Dataset updateSchema(DatasetId id, List<Column> columns) throws DataException {
        Dataset current = get(id);
        List<Column> merged = SchemaCheck.validate(current, columns);
        try (DuckDBConnection c = engine.connect()) {
            SchemaCheck.checkCasts(c, optionsOf(id), current.location(), current, merged, JobContext.NONE);
        } catch (SQLException e) {
            throw new DataException("Cannot check the new types: " + e.getMessage(), e);
        }
        try {
            catalog.replaceColumns(id, merged);
        } catch (SQLException e) {
            throw catalogError(e);
        }
        return get(id);
    }

    @Override
    public void delete(DatasetId id) throws DataException {
        Dataset d = get(id);
        try {
            catalog.delete(id);
        } catch (SQLException e) {
            throw catalogError(e);
        }
        options.remove(id);
        if (d.storageMode() == StorageMode.COPY) {
            try {
                Files.deleteIfExists(d.location());
            } catch (IOException e) {
                // The catalog no longer refers to it; an orphan file is harmless and the user can remove it.
                LOG.warn("Dataset {} was removed but its file {} could not be deleted", d.name(), d.location(), e);
            }
        }
    }

    @Override
    public String selectSql(Dataset dataset) {
        try {
            return SelectBuilder.select(optionsOf(dataset.id()), dataset.location(), dataset.columns());
        } catch (DataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private ReadOptions optionsOf(DatasetId id) throws DataException {
        ReadOptions o = options.get(id);
        if (o != null) {
            return o;
        }
        try {
            o = catalog.readOptions(id).orElseThrow(() -> new DataException("There is no dataset " + id + " in this workspace."));
        } catch (SQLException e) {
            throw catalogError(e);
        }
        options.put(id, o);
        return o;
    }

    /** DuckDB's JDBC objects as the plain Java values TablePreview promises. */
    static Object javaValue(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case java.math.BigDecimal bd -> bd.doubleValue();
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Timestamp t -> t.toLocalDateTime();
            case OffsetDateTime o -> o.toLocalDateTime();
            default -> v;
        };
    }

    private static DataException catalogError(SQLException e) {
        return new DataException("Cannot read the workspace catalog: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        engine.close();
    }
}
