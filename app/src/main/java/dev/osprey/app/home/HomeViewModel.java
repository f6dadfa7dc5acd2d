package dev.osprey.app.home;

import dev.osprey.app.AppContext;
import dev.osprey.app.shell.RecentWorkspace;
import dev.osprey.app.shell.WorkspaceSwitcher;
import dev.osprey.core.Engine;
import dev.osprey.app.experiments.RunRow;
import dev.osprey.core.data.DataException;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.registry.RegisteredModel;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.workspace.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The Home page's state: which workspace is open, what it holds (datasets, notebooks, models),
 * and the recent workspaces. Lists are read on the background executor and applied on the UI
 * executor; a result that arrives after the user switched workspace is dropped.
 */
public final class HomeViewModel {
    static final int RECENT_RUNS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(HomeViewModel.class);
    private static final DateTimeFormatter MODIFIED =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.US).withZone(ZoneId.systemDefault());

    private final AppContext context;
    private final WorkspaceSwitcher switcher;
    private final Executor background;
    private final HomeLinks links;
    private final StringProperty workspaceName = new SimpleStringProperty(this, "workspaceName", "");
    private final StringProperty workspacePath = new SimpleStringProperty(this, "workspacePath", "");
    private final BooleanProperty workspaceOpen = new SimpleBooleanProperty(this, "workspaceOpen");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final StringProperty loadError = new SimpleStringProperty(this, "loadError", "");
    private final ObservableList<DatasetRow> datasets = FXCollections.observableArrayList();
    private final ObservableList<WorkspaceFile> notebooks = FXCollections.observableArrayList();
    private final ObservableList<WorkspaceFile> models = FXCollections.observableArrayList();
    private final ObservableList<RecentRun> runs = FXCollections.observableArrayList();
    private final FilteredList<RecentWorkspace> otherRecent;

    /** {@code links} show the other pages when an entry is chosen. */
    public HomeViewModel(AppContext context, WorkspaceSwitcher switcher, Executor background, HomeLinks links) {
        this.context = Objects.requireNonNull(context);
        this.switcher = Objects.requireNonNull(switcher);
        this.background = Objects.requireNonNull(background);
        this.links = Objects.requireNonNull(links);
        this.otherRecent = new FilteredList<>(switcher.recent(), r -> !isOpen(r.path()));
        context.engineProperty().addListener((o, old, now) -> onEngine(now));
        onEngine(context.engine());
    }

    private void onEngine(Engine engine) {
        otherRecent.setPredicate(r -> !isOpen(r.path()));
        datasets.clear();
        notebooks.clear();
        models.clear();
        runs.clear();
        loadError.set("");
        if (engine == null) {
            workspaceOpen.set(false);
            loading.set(false);
            workspaceName.set("No workspace open");
            workspacePath.set("Open a workspace folder or create a new one to start.");
            return;
        }
        Workspace ws = engine.workspace();
        workspaceOpen.set(true);
        workspaceName.set(ws.name());
        workspacePath.set(ws.root().toString());
        refresh();
    }

    /** Re-reads the open workspace's contents in the background. */
    public void refresh() {
        Engine engine = context.engine();
        if (engine == null) {
            return;
        }
        loading.set(true);
        background.execute(() -> {
            Contents contents;
            String error = "";
            try {
                contents = read(engine);
            } catch (DataException | IOException | RegistryException | ExperimentException | RuntimeException e) {
                LOG.warn("Cannot list the contents of {}", engine.workspace().root(), e);
                contents = new Contents(List.of(), List.of(), List.of(), List.of());
                error = "Cannot read this workspace's contents: " + e.getMessage();
            }
            Contents c = contents;
            String err = error;
            context.uiExecutor().execute(() -> {
                if (context.engine() != engine) {
                    return; // the user switched workspace meanwhile
                }
                datasets.setAll(c.datasets());
                notebooks.setAll(c.notebooks());
                models.setAll(c.models());
                runs.setAll(c.runs());
                loadError.set(err);
                loading.set(false);
            });
        });
    }

    private record Contents(List<DatasetRow> datasets, List<WorkspaceFile> notebooks, List<WorkspaceFile> models,
                            List<RecentRun> runs) {
    }

    private static Contents read(Engine engine) throws DataException, IOException, RegistryException, ExperimentException {
        List<DatasetRow> ds = engine.datasets().list().stream()
                .map(DatasetRow::of)
                .sorted(Comparator.comparing(DatasetRow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Workspace ws = engine.workspace();
        return new Contents(ds, notebooks(ws.notebooksDir()), models(engine, ws.modelsDir()), recentRuns(engine));
    }

    private static List<WorkspaceFile> notebooks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<WorkspaceFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String fn = p.getFileName().toString();
                if (Files.isRegularFile(p) && fn.toLowerCase(Locale.ROOT).endsWith(".ipynb") && !fn.startsWith(".")) {
                    String name = fn.substring(0, fn.length() - ".ipynb".length());
                    out.add(new WorkspaceFile(name, p, "modified " + MODIFIED.format(Files.getLastModifiedTime(p).toInstant())));
                }
            }
        }
        return out;
    }

    /** The runs of every experiment, newest first. */
    private static List<RecentRun> recentRuns(Engine engine) throws ExperimentException {
        List<RunRow> all = new ArrayList<>();
        for (Experiment e : engine.experiments().experiments()) {
            engine.experiments().runs(e.id()).forEach(r -> all.add(new RunRow(r, e.name())));
        }
        return all.stream().sorted(Comparator.comparing(RunRow::started).reversed().thenComparing(r -> -r.id().value()))
                .limit(RECENT_RUNS).map(RecentRun::of).toList();
    }

    /**
     * The registered models with their latest version and aliases, then model folders the registry
     * does not know (copied in by hand) with their number of version folders.
     */
    private static List<WorkspaceFile> models(Engine engine, Path dir) throws IOException, RegistryException {
        List<WorkspaceFile> out = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        for (RegisteredModel m : engine.registry().models()) {
            registered.add(m.name());
            StringBuilder detail = new StringBuilder("latest v" + m.latestVersion());
            new TreeMap<>(m.aliases()).forEach((alias, v) -> detail.append(" · ").append(alias).append(" → v").append(v));
            out.add(new WorkspaceFile(m.name(), dir.resolve(m.name()), detail.toString()));
        }
        out.sort(Comparator.comparing(WorkspaceFile::name, String.CASE_INSENSITIVE_ORDER));
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String fn = p.getFileName().toString();
                if (Files.isDirectory(p) && !fn.startsWith(".") && !registered.contains(fn)) {
                    long versions;
                    try (Stream<Path> v = Files.list(p)) {
                        versions = v.filter(Files::isDirectory).count();
                    }
                    out.add(new WorkspaceFile(fn, p, versions + (versions == 1 ? " version" : " versions")));
                }
            }
        }
        return out;
    }

    /** Asks for a folder and opens the workspace in it. */
    public void openWorkspace() {
        context.dialogs().chooseDirectory("Open workspace", startDir()).ifPresent(switcher::open);
    }

    /** Asks for a folder (new or empty) and creates a workspace there. */
    public void newWorkspace() {
        context.dialogs().chooseDirectory("Choose a folder for the new workspace", startDir()).ifPresent(switcher::create);
    }

    public void openRecent(RecentWorkspace entry) {
        if (entry.available()) {
            switcher.open(entry.path());
        } else if (context.dialogs().confirm("Workspace not found",
                entry.path() + " no longer holds an Osprey workspace. Remove it from the recent list?")) {
            switcher.forget(entry.path());
        }
    }

    public void openDataset(DatasetRow row) {
        links.dataset().accept(Objects.requireNonNull(row));
    }

    /** Shows the Data page without choosing a dataset (the empty state's link). */
    public void openDataPage() {
        links.dataset().accept(null);
    }

    /** Opens the notebook in a tab of the Notebooks page. */
    public void openNotebook(WorkspaceFile notebook) {
        links.notebook().accept(notebook.path());
    }

    /** Shows the Models page with this model selected. */
    public void openModel(WorkspaceFile model) {
        links.model().accept(model.name());
    }

    /** Shows the run in the Experiments page. */
    public void openRun(RecentRun run) {
        links.run().accept(run.id());
    }

    private Path startDir() {
        Engine e = context.engine();
        if (e != null && e.workspace().root().getParent() != null) {
            return e.workspace().root().getParent();
        }
        return Path.of(System.getProperty("user.home"));
    }

    private boolean isOpen(Path p) {
        Engine e = context.engine();
        return e != null && e.workspace().root().equals(p);
    }

    public ReadOnlyStringProperty workspaceNameProperty() {
        return workspaceName;
    }

    public ReadOnlyStringProperty workspacePathProperty() {
        return workspacePath;
    }

    public ReadOnlyBooleanProperty workspaceOpenProperty() {
        return workspaceOpen;
    }

    /** True while the workspace's contents are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Why the contents could not be read; empty when they could. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError;
    }

    /** True while a workspace is being opened or created. */
    public ReadOnlyBooleanProperty busyProperty() {
        return switcher.busyProperty();
    }

    public ObservableList<DatasetRow> datasets() {
        return datasets;
    }

    public ObservableList<WorkspaceFile> notebooks() {
        return notebooks;
    }

    public ObservableList<WorkspaceFile> models() {
        return models;
    }

    /** The newest runs of all experiments (at most {@value #RECENT_RUNS}). */
    public ObservableList<RecentRun> runs() {
        return runs;
    }

    /** Recent workspaces other than the open one, most recent first. */
    public ObservableList<RecentWorkspace> recentWorkspaces() {
        return otherRecent;
    }
}
