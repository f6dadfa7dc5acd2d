package dev.osprey.core.data;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.Workspace;

import java.util.List;
import java.util.Optional;

/**
 * The datasets of one workspace. Import runs synchronously on the caller's thread, reporting to
 * a {@link JobContext}; callers that want it in the background submit it to a JobService.
 */
public interface DatasetService extends AutoCloseable {

    /** The datasets of {@code workspace}, read through an embedded DuckDB. */
    static DatasetService open(Workspace workspace) throws DataException {
        return new DuckDatasetService(workspace);
    }

    /**
     * Reads the file fully (every row is checked), infers the schema, and adds the dataset to the
     * catalog. On any failure or cancel the workspace is left as it was.
     *
     * @throws ImportException with the line and reason when the file is malformed
     * @throws DataException   when the name is taken or the file cannot be read
     */
    Dataset importFile(ImportRequest request, JobContext context) throws DataException;

    List<Dataset> list() throws DataException;

    Optional<Dataset> find(String name) throws DataException;

    Dataset get(DatasetId id) throws DataException;

    /** The first {@code limit} rows, read through DuckDB with the dataset's (edited) schema applied. */
    TablePreview preview(DatasetId id, int limit) throws DataException;

    /**
     * Saves an edited schema (names, types, roles; same columns in the same order). A type that
     * the data cannot be read as is refused with a message naming the column.
     */
    Dataset updateSchema(DatasetId id, List<Column> columns) throws DataException;

    /** Removes the dataset from the catalog, and its file when it was copied into the workspace. */
    void delete(DatasetId id) throws DataException;

    /**
     * A DuckDB SQL query (a SELECT) that reads the dataset with its schema applied; the base of
     * recipes, training and previews.
     */
    String selectSql(Dataset dataset);

    @Override
    void close();
}
