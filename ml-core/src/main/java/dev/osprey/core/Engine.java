package dev.osprey.core;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.deploy.BatchTransform;
import dev.osprey.core.deploy.EndpointStore;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.train.TrainingService;
import dev.osprey.core.workspace.Workspace;
import dev.osprey.core.wrangle.RecipeService;
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
    private final dev.osprey.core.tune.TuningService tuning;
    private final RecipeService recipes;
    private final BatchTransform batch;
    private final EndpointStore endpoints;

    private Engine(Workspace workspace, DatasetService datasets) {
        this.workspace = workspace;
        this.datasets = datasets;
        this.experiments = new ExperimentStore(workspace);
        this.recipes = new RecipeService(workspace, datasets);
        this.training = new TrainingService(workspace, datasets, experiments, recipes);
        this.registry = new ModelRegistry(workspace, experiments);
        this.tuning = new dev.osprey.core.tune.TuningService(workspace, datasets, experiments, training, registry);
        this.batch = new BatchTransform(registry);
        this.endpoints = new EndpointStore(workspace);
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

    /** Scores files of any size with a registered model version. */
    public BatchTransform batch() {
        return batch;
    }

    /** The endpoints the user deployed (restored when the workspace reopens). */
    public EndpointStore endpoints() {
        return endpoints;
    }

    /** Data quality and insights reports (stateless: a new service over the same datasets and training). */
    public dev.osprey.core.quality.QualityService quality() {
        return new dev.osprey.core.quality.QualityService(datasets, training);
    }

    /** Wrangling recipes: preview, fit, apply and save as datasets, with versions and lineage. */
    public RecipeService recipes() {
        return recipes;
    }

    /** Hyperparameter tuning jobs: each trial a training run; stored with their trials. */
    public dev.osprey.core.tune.TuningService tuning() {
        return tuning;
    }

    /** AutoML: checks a dataset, tunes candidate algorithms within a time budget, ranks and explains them. */
    public dev.osprey.core.automl.AutoMlService automl() {
        return new dev.osprey.core.automl.AutoMlService(datasets, tuning, registry, training);
    }

    @Override
    public void close() {
        recipes.close();
        datasets.close();
        workspace.close();
    }
}
