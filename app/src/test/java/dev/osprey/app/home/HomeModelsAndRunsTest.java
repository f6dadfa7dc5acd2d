package dev.osprey.app.home;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.experiments.TrainedWorkspace;
import dev.osprey.app.shell.RecentWorkspaces;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.app.shell.WorkspaceSwitcher;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Home lists the registry's models (latest version, aliases) and the newest runs with their main metric. */
class HomeModelsAndRunsTest {
    @TempDir
    Path tmp;

    private AppContext context;

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void listsRegisteredModelsAndRecentRuns() throws Exception {
        TrainedWorkspace trained = TrainedWorkspace.create(tmp.resolve("exam"));
        try (var engine = dev.osprey.core.Engine.open(trained.root)) {
            engine.registry().register(trained.deep, TrainedWorkspace.MODEL);
            engine.registry().setAlias(TrainedWorkspace.MODEL, "champion", 1);
        }
        Files.createDirectories(trained.root.resolve("models/imported/1")); // a model folder copied in by hand
        context = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), new RecordingDialogs(), Runnable::run);
        WorkspaceSwitcher switcher = new WorkspaceSwitcher(context, new RecentWorkspaces(context.home().recentWorkspacesFile()),
                Runnable::run);
        HomeViewModel vm = new HomeViewModel(context, switcher, Runnable::run, new HomeLinks(row -> { }, f -> { }, m -> { }, r -> { }));

        switcher.open(trained.root).join();

        assertThat(vm.models()).extracting(WorkspaceFile::name, WorkspaceFile::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TrainedWorkspace.MODEL, "latest v2 · champion → v1"),
                org.assertj.core.groups.Tuple.tuple("imported", "1 version"));
        assertThat(vm.runs()).hasSize(3);
        RecentRun newest = vm.runs().getFirst();
        assertThat(newest.id()).isEqualTo(trained.linear);
        assertThat(newest.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(newest.title()).startsWith("#" + trained.linear.value() + " Linear regression").endsWith(" on exam_scores");
        assertThat(newest.detail()).startsWith("Finished · RMSE ").endsWith("just now");
        assertThat(vm.loadErrorProperty().get()).isEmpty();
    }
}
