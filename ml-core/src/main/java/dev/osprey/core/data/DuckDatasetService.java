package dev.osprey.core.data;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.Workspace;

import java.util.List;
import java.util.Optional;

/** Being written in this session by the data-import work; replaced wholesale. */
final class DuckDatasetService implements DatasetService {
    DuckDatasetService(Workspace workspace) {
    }

    @Override
    public Dataset importFile(ImportRequest request, JobContext context) throws DataException {
        throw new DataException("import is not built yet");
    }

    @Override
    public List<Dataset> list() {
        return List.of();
    }

    @Override
    public Optional<Dataset> find(String name) {
        return Optional.empty();
    }

    @Override
    public Dataset get(DatasetId id) throws DataException {
        throw new DataException("no dataset " + id);
    }

    @Override
    public TablePreview preview(DatasetId id, int limit) throws DataException {
        throw new DataException("no dataset " + id);
    }

    @Override
    public Dataset updateSchema(DatasetId id, List<Column> columns) throws DataException {
        throw new DataException("no dataset " + id);
    }

    @Override
    public void delete(DatasetId id) throws DataException {
        throw new DataException("no dataset " + id);
    }

    @Override
    public String selectSql(Dataset dataset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
