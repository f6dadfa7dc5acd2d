package dev.osprey.app.shell;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.core.Engine;
import dev.osprey.core.job.JobService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    @TempDir
    Path tmp;

    private AppContext context;

    private AppContext context() {
        context = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), new RecordingDialogs(), Runnable::run);
        return context;
    }

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void startsOnHomeAndSwitchesPages() {
        ShellViewModel vm = new ShellViewModel(context());
        assertThat(vm.page()).isEqualTo(NavItem.HOME);
        vm.select(NavItem.TRAINING);
        assertThat(vm.pageProperty().get()).isEqualTo(NavItem.TRAINING);
    }

    @Test
    void titleNamesTheOpenWorkspace() throws Exception {
        AppContext ctx = context();
        ShellViewModel vm = new ShellViewModel(ctx);
        assertThat(vm.titleProperty().get()).isEqualTo("Osprey");
        ctx.switchEngine(Engine.create(tmp.resolve("churn-study")));
        assertThat(vm.titleProperty().get()).isEqualTo("Osprey — churn-study");
        ctx.switchEngine(Engine.create(tmp.resolve("other")));
        assertThat(vm.titleProperty().get()).isEqualTo("Osprey — other");
    }

    @Test
    void jobCenterToggles() {
        ShellViewModel vm = new ShellViewModel(context());
        assertThat(vm.jobCenterVisibleProperty().get()).isFalse();
        vm.toggleJobCenter();
        assertThat(vm.jobCenterVisibleProperty().get()).isTrue();
        vm.toggleJobCenter();
        assertThat(vm.jobCenterVisibleProperty().get()).isFalse();
    }

    @Test
    void statusBarShowsTheWorkspacePathAndHeapInMegabytes() throws Exception {
        AppContext ctx = context();
        StatusBarViewModel vm = new StatusBarViewModel(ctx);
        assertThat(vm.workspacePathProperty().get()).isEqualTo("No workspace open");
        ctx.switchEngine(Engine.create(tmp.resolve("ws")));
        assertThat(vm.workspacePathProperty().get()).isEqualTo(tmp.resolve("ws").toString());

        vm.updateHeap(312L * 1024 * 1024, 2048L * 1024 * 1024);
        assertThat(vm.heapTextProperty().get()).isEqualTo("312 / 2048 MB");
        assertThat(vm.heapFractionProperty().get()).isEqualTo(312.0 / 2048);

        vm.sampleHeap();
        assertThat(vm.heapTextProperty().get()).matches("\\d+ / \\d+ MB");
    }
}
