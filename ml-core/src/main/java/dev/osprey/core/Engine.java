package dev.osprey.core;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.train.TrainingService;
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
    private final ExperimentStore experiments;
    private final TrainingService training;
    private final ModelRegistry registry;

    private Engine(Workspace workspace, DatasetService datasets) {
        this.workspace = workspace;
        this.datasets = datasets;
        this.experiments = new ExperimentStore(workspace);
        this.training = new TrainingService(workspace, datasets, experiments);
        this.registry = new ModelRegistry(workspace, experiments);
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

    /** Trains models on datasets and records each training as a run. */
    public TrainingService training() {
        return training;
    }

    /** Experiments and runs: parameters, metrics, provenance. */
    public ExperimentStore experiments() {
        return experiments;
    }

    /** Named, versioned models with approval status and aliases. */
    public ModelRegistry registry() {
        return registry;
    }

    /** Labeling jobs, annotations, consolidation and exchange formats (stateless over the catalog). */
    public dev.osprey.core.label.LabelService labeling() {
        return new dev.osprey.core.label.LabelService(workspace);
    }

    @Override
    public void close() {
        datasets.close();
        workspace.close();
    }
}
