package dev.osprey.app.home;

import dev.osprey.app.shell.RecentWorkspaces;
import dev.osprey.app.shell.RecentWorkspace;
import dev.osprey.app.shell.WorkspaceSwitcher;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HomeViewModelTest {
    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final JobService jobs = new JobService(1);
    private final List<DatasetRow> opened = new ArrayList<>();
    private final List<Engine> extraEngines = new ArrayList<>();
    private AppContext context;
    private WorkspaceSwitcher switcher;
    private HomeViewModel vm;

    @BeforeEach
    void setUp() {
        context = new AppContext(new AppHome(tmp.resolve("home")), jobs, dialogs, Runnable::run);
        switcher = new WorkspaceSwitcher(context, new RecentWorkspaces(context.home().recentWorkspacesFile()), Runnable::run);
        vm = new HomeViewModel(context, switcher, Runnable::run, new HomeLinks(row -> opened.add(row), f -> { }, m -> { }, r -> { }));
    }

    @AfterEach
    void tearDown() {
        context.close();
        extraEngines.forEach(Engine::close);
    }

    private Path workspaceWithContent(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Path csv = tmp.resolve("sales.csv");
        Files.writeString(csv, "region,units,price\nnorth,3,9.5\nsouth,5,7.25\neast,1,12.0\n");
        try (Engine e = Engine.create(dir)) {
            e.datasets().importFile(ImportRequest.of(csv), JobContext.NONE);
        }
        Files.writeString(dir.resolve("notebooks/explore.ipynb"), "{\"cells\":[],\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{}}");
        Files.writeString(dir.resolve("notebooks/notes.txt"), "not a notebook");
        Files.createDirectories(dir.resolve("models/churn/1"));
        Files.createDirectories(dir.resolve("models/churn/2"));
        return dir;
    }

    @Test
    void withoutAWorkspaceHomeSaysSoAndListsNothing() {
        assertThat(vm.workspaceOpenProperty().get()).isFalse();
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("No workspace open");
        assertThat(vm.datasets()).isEmpty();
    }

    @Test
    void opensAWorkspaceAndListsItsDatasetsNotebooksAndModels() throws Exception {
        Path dir = workspaceWithContent("shop");

        assertThat(switcher.open(dir).join()).isTrue();

        assertThat(vm.workspaceNameProperty().get()).isEqualTo("shop");
        assertThat(vm.workspacePathProperty().get()).isEqualTo(dir.toString());
        assertThat(vm.datasets()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("sales");
            assertThat(d.rows()).isEqualTo(3);
            assertThat(d.columns()).isEqualTo(3);
            assertThat(d.format()).isEqualTo("CSV");
            assertThat(d.summary()).isEqualTo("3 rows · 3 columns · CSV");
        });
        assertThat(vm.notebooks()).extracting(WorkspaceFile::name).containsExactly("explore");
        assertThat(vm.models()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("churn");
            assertThat(m.detail()).isEqualTo("2 versions");
        });
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.loadErrorProperty().get()).isEmpty();
    }

    @Test
    void clickingADatasetAsksForTheDataPage() throws Exception {
        switcher.open(workspaceWithContent("shop")).join();
        vm.openDataset(vm.datasets().getFirst());
        vm.openDataPage();
        assertThat(opened).hasSize(2);
        assertThat(opened.getFirst().name()).isEqualTo("sales");
        assertThat(opened.get(1)).isNull();
    }

    @Test
    void switchingWorkspaceClosesTheOldEngineAndUpdatesTheRecentList() throws Exception {
        Path first = workspaceWithContent("first");
        Path second = tmp.resolve("second");
        Engine.create(second).close();
        switcher.open(first).join();
        Engine firstEngine = context.engine();

        switcher.open(second).join();

        assertThat(context.engine()).isNotSameAs(firstEngine);
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("second");
        assertThat(vm.datasets()).isEmpty();
        // the first engine released its lock: it can be opened again
        Engine again = Engine.open(first);
        again.close();
        assertThat(new RecentWorkspaces(context.home().recentWorkspacesFile()).load()).containsExactly(second, first);
        assertThat(vm.recentWorkspaces()).as("the open workspace is not offered again")
                .extracting(RecentWorkspace::path).containsExactly(first);
    }

    @Test
    void aLockedWorkspaceIsReportedAndTheCurrentOneStaysOpen() throws Exception {
        Path current = tmp.resolve("current");
        Engine.create(current).close();
        switcher.open(current).join();
        Path busy = tmp.resolve("busy");
        extraEngines.add(Engine.create(busy)); // holds the lock, as another process would

        assertThat(switcher.open(busy).join()).isFalse();

        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot open the workspace");
            assertThat(e.message()).contains("is open in another Osprey process");
        });
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("current");
        assertThat(switcher.busyProperty().get()).isFalse();
    }

    @Test
    void newWorkspaceCreatesItInTheChosenFolder() {
        Path fresh = tmp.resolve("fresh");
        dialogs.directoryAnswers.add(fresh);

        vm.newWorkspace();

        assertThat(context.engine()).isNotNull();
        assertThat(context.engine().workspace().root()).isEqualTo(fresh);
        assertThat(Files.isRegularFile(fresh.resolve("osprey.db"))).isTrue();
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("fresh");
    }

    @Test
    void openingAPlainFolderOffersToCreateAWorkspaceThere() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        dialogs.directoryAnswers.add(plain);
        dialogs.confirmAnswers.add(false);
        vm.openWorkspace();
        assertThat(context.engine()).isNull();
        assertThat(dialogs.confirmations).singleElement().asString().contains("not an Osprey workspace");

        dialogs.directoryAnswers.add(plain);
        dialogs.confirmAnswers.add(true);
        vm.openWorkspace();
        assertThat(context.engine().workspace().root()).isEqualTo(plain);
    }

    @Test
    void cancellingTheFolderChooserChangesNothing() {
        vm.openWorkspace();
        vm.newWorkspace();
        assertThat(context.engine()).isNull();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aMissingRecentWorkspaceIsShownUnavailableAndCanBeForgotten() throws Exception {
        Path gone = tmp.resolve("gone");
        Path kept = tmp.resolve("kept");
        Engine.create(kept).close();
        RecentWorkspaces store = new RecentWorkspaces(context.home().recentWorkspacesFile());
        store.add(gone);
        store.add(kept);
        switcher.loadRecent();
        assertThat(vm.recentWorkspaces()).extracting(RecentWorkspace::path, RecentWorkspace::available)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(kept, true), org.assertj.core.groups.Tuple.tuple(gone, false));

        dialogs.confirmAnswers.add(true);
        vm.openRecent(vm.recentWorkspaces().get(1));

        assertThat(vm.recentWorkspaces()).extracting(RecentWorkspace::path).containsExactly(kept);
        assertThat(store.load()).containsExactly(kept);
        assertThat(context.engine()).isNull();
    }

    @Test
    void switchingWhileAJobRunsAsksFirstAndCancelsIt() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Engine.create(a).close();
        Engine.create(b).close();
        switcher.open(a).join();
        var started = new java.util.concurrent.CountDownLatch(1);
        var job = jobs.submit("long import", ctx -> {
            started.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.sleep(5);
            }
        });
        started.await();

        dialogs.confirmAnswers.add(false);
        assertThat(switcher.open(b).join()).isFalse();
        assertThat(context.engine().workspace().root()).isEqualTo(a);

        dialogs.confirmAnswers.add(true);
        assertThat(switcher.open(b).join()).isTrue();
        assertThat(job.isCancelRequested()).isTrue();
        assertThat(context.engine().workspace().root()).isEqualTo(b);
    }

    @Test
    void reopeningTheOpenWorkspaceIsANoOpWithANote() throws Exception {
        Path a = tmp.resolve("a");
        Engine.create(a).close();
        switcher.open(a).join();
        Engine engine = context.engine();
        assertThat(switcher.open(a).join()).isFalse();
        assertThat(context.engine()).isSameAs(engine);
        assertThat(dialogs.notifications).singleElement().asString().contains("already open");
    }
}
