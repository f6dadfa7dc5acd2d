package dev.osprey.core;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.workspace.Workspace;
import dev.osprey.core.workspace.WorkspaceException;

import java.nio.file.Path;

/**
 * One open workspace and the services that work on it. The studio, the command line and the
 * notebook kernel all start here; later capabilities (training, registry, ...) add their
 * services. Close it to release the workspace.
 */
public final class Engine implements AutoCloseable {
    private final Workspace workspace;
    private final DatasetService datasets;

    private Engine(Workspace workspace, DatasetService datasets) {
        this.workspace = workspace;
        this.datasets = datasets;
    }

    /** Opens the workspace in {@code dir}. */
    public static Engine open(Path dir) throws WorkspaceException {
        return wire(Workspace.open(dir));
    }

    /** Creates a workspace in {@code dir} and opens it. */
    public static Engine create(Path dir) throws WorkspaceException {
        return wire(Workspace.create(dir));
    }

    private static Engine wire(Workspace ws) throws WorkspaceException {
        try {
            return new Engine(ws, DatasetService.open(ws));
        } catch (DataException | RuntimeException e) {
            ws.close();
            throw new WorkspaceException("Cannot start the data engine for " + ws.root() + ": " + e.getMessage(), e);
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    public DatasetService datasets() {
        return datasets;
    }

    @Override
    public void close() {
        datasets.close();
        workspace.close();
    }
}
