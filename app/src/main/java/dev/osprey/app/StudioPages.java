package dev.osprey.app;

import dev.osprey.app.data.DataView;
import dev.osprey.app.data.DataViewModel;
import dev.osprey.app.experiments.ExperimentsView;
import dev.osprey.app.experiments.ExperimentsViewModel;
import dev.osprey.app.home.DatasetRow;
import dev.osprey.app.home.HomeView;
import dev.osprey.app.home.HomeViewModel;
import dev.osprey.app.models.ModelsView;
import dev.osprey.app.models.ModelsViewModel;
import dev.osprey.app.shell.NavItem;
import dev.osprey.app.shell.Page;
import dev.osprey.app.shell.PageFactory;
import dev.osprey.app.shell.PageServices;
import dev.osprey.app.train.TrainingView;
import dev.osprey.app.train.TrainingViewModel;

import java.util.Optional;

/**
 * The studio's pages, wired here in the composition root: the shell defines {@link Page} and
 * hosts pages without knowing them, and each page package depends only on the shell, so no
 * package cycle forms. A page built later is one more case in {@link #create}.
 */
public final class StudioPages implements PageFactory {
    private DataViewModel data;
    private ModelsViewModel models;
    private ExperimentsViewModel experiments;
    private dev.osprey.app.notebook.NotebooksViewModel notebooks;
    private dev.osprey.app.endpoints.EndpointsViewModel endpoints;

    @Override
    public Optional<Page> create(NavItem item, PageServices services) {
        endpoints(services); // at the first page: endpoints restart with their workspace even before their page is opened
        return switch (item) {
            case HOME -> Optional.of(new HomeView(new HomeViewModel(services.context(), services.workspaces(),
                    services.background(), links(services))));
            case DATA -> Optional.of(new DataView(data(services)));
            case EXPERIMENTS -> Optional.of(new ExperimentsView(experiments(services)));
            case MODELS -> Optional.of(new ModelsView(models(services)));
            case ENDPOINTS -> Optional.of(new dev.osprey.app.endpoints.EndpointsView(endpoints(services)));
            case TRAINING -> Optional.of(new TrainingView(new TrainingViewModel(services.context())));
            case TUNING -> Optional.of(new dev.osprey.app.tune.TuningPage(
                    new dev.osprey.app.tune.TuningView(new dev.osprey.app.tune.TuningViewModel(services.context())),
                    new dev.osprey.app.automl.AutoMlView(new dev.osprey.app.automl.AutoMlViewModel(services.context()))));
            case NOTEBOOKS -> Optional.of(new dev.osprey.app.notebook.NotebookView(notebooks(services), services.context().uiExecutor()));
            case LABELING -> Optional.of(new dev.osprey.app.labeling.LabelingView(
                    new dev.osprey.app.labeling.LabelingViewModel(services.context(), services.background()),
                    services.context().dialogs()));
            default -> Optional.empty();
        };
    }

    private ModelsViewModel models(PageServices services) {
        if (models == null) {
            models = new ModelsViewModel(services.context(), services.background());
            models.setDeployAction((model, version) -> {
                services.navigate().accept(NavItem.ENDPOINTS);
                endpoints(services).preselect(model, version);
            });
        }
        return models;
    }

    private ExperimentsViewModel experiments(PageServices services) {
        if (experiments == null) {
            experiments = new ExperimentsViewModel(services.context(), services.background());
        }
        return experiments;
    }

    private dev.osprey.app.notebook.NotebooksViewModel notebooks(PageServices services) {
        if (notebooks == null) {
            notebooks = new dev.osprey.app.notebook.NotebooksViewModel(services.context());
        }
        return notebooks;
    }

    /** Home's entries: show the page first (which builds its view model), then select the thing in it. */
    private dev.osprey.app.home.HomeLinks links(PageServices services) {
        return new dev.osprey.app.home.HomeLinks(
                row -> openDataset(row, services),
                file -> {
                    services.navigate().accept(NavItem.NOTEBOOKS);
                    notebooks(services).openFile(file);
                },
                name -> {
                    services.navigate().accept(NavItem.MODELS);
                    models(services).showModel(name);
                },
                run -> {
                    services.navigate().accept(NavItem.EXPERIMENTS);
                    experiments(services).showRun(run);
                });
    }

    private dev.osprey.app.endpoints.EndpointsViewModel endpoints(PageServices services) {
        if (endpoints == null) {
            endpoints = new dev.osprey.app.endpoints.EndpointsViewModel(services.context(), services.background(),
                    dev.osprey.app.endpoints.ServerStarter.PROCESS);
        }
        return endpoints;
    }

    private DataViewModel data(PageServices services) {
        if (data == null) {
            data = new DataViewModel(services.context());
        }
        return data;
    }

    /** Home's dataset links: show the Data page, then select the dataset once its list is read. */
    private void openDataset(DatasetRow row, PageServices services) {
        services.navigate().accept(NavItem.DATA);
        if (row == null) {
            return;
        }
        DataViewModel model = data(services);
        model.refresh().thenRunAsync(() -> model.datasets().stream()
                .filter(d -> d.id().equals(row.id()))
                .findFirst()
                .ifPresent(model::select), services.context().uiExecutor());
    }
}
