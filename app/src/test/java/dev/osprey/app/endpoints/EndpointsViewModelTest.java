package dev.osprey.app.endpoints;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.experiments.TrainedWorkspace;
import dev.osprey.app.experiments.UiQueue;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.deploy.EndpointState;
import dev.osprey.core.job.JobService;
import dev.osprey.server.launch.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Endpoints view model with real server processes: deploy, try it, a crash shown as failed and
 * restarted, servers stopped when the workspace closes and restored when it reopens; batch panel.
 */
class EndpointsViewModelTest {
    @TempDir
    Path tmp;

    private final UiQueue ui = new UiQueue();
    private final ExecutorService io = Executors.newCachedThreadPool();
    private AppContext app;
    private EndpointsViewModel vm;
    private TrainedWorkspace trained;

    @BeforeEach
    void setUp() throws Exception {
        trained = TrainedWorkspace.create(tmp.resolve("ws"));
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), new RecordingDialogs(), ui);
        app.switchEngine(Engine.open(trained.root));
        vm = new EndpointsViewModel(app, io, ServerStarter.PROCESS);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        app.close();
        io.shutdownNow();
    }

    private void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; error: " + vm.errorProperty().get()
                        + "; rows: " + vm.rows());
            }
            ui.drain(1);
        }
    }

    private EndpointRow deployExamScore() throws InterruptedException {
        until("the models", () -> vm.form().versionProperty().get() != null);
        vm.form().portProperty().set("0");
        vm.deploy();
        until("the endpoint", () -> !vm.rows().isEmpty() && vm.rows().getFirst().status() == EndpointStatus.READY);
        return vm.rows().getFirst();
    }

    @Test
    void deployTryItCrashRestartAndRestoreOnReopen() throws Exception {
        EndpointRow row = deployExamScore();
        assertThat(row.url()).startsWith("http://127.0.0.1:");
        RunningServer server = serverOf(row);

        until("the try-it form", () -> vm.tryIt().fields().size() == 3);
        vm.tryIt().fields().get(0).setValue("4");
        vm.tryIt().fields().get(1).setValue("1");
        vm.tryIt().fields().get(2).setValue("15");
        vm.tryIt().invoke();
        until("the answer", () -> !vm.tryIt().resultProperty().get().isEmpty() || !vm.tryIt().errorProperty().get().isEmpty());
        assertThat(Double.parseDouble(vm.tryIt().resultProperty().get().replace(",", ""))).isBetween(840.0, 940.0);

        vm.tryIt().fields().get(2).setValue("lots");
        vm.tryIt().invoke();
        until("the refusal", () -> !vm.tryIt().errorProperty().get().isEmpty());
        assertThat(vm.tryIt().errorProperty().get()).startsWith("HTTP 4").contains("hours_of_study");
        assertThat(row.errors()).anyMatch(e -> e.contains("try it: HTTP 4"));

        // the process dies: the row shows it failed, with the exit and the log; Restart brings it back
        ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
        until("the crash", () -> row.status() == EndpointStatus.FAILED);
        assertThat(row.message()).contains("The server exited with code");
        assertThat(app.engine().endpoints().find(row.name()).orElseThrow().state()).isEqualTo(EndpointState.FAILED);
        vm.restart(row);
        until("the restart", () -> row.status() == EndpointStatus.READY);
        RunningServer second = serverOf(row);

        // closing the workspace stops the server; reopening it starts the endpoint again
        app.switchEngine(null);
        assertThat(second.isAlive()).isFalse();
        assertThat(vm.rows()).isEmpty();
        app.switchEngine(Engine.open(trained.root));
        until("the restored endpoint", () -> !vm.rows().isEmpty() && vm.rows().getFirst().status() == EndpointStatus.READY);
        EndpointRow restored = vm.rows().getFirst();
        assertThat(restored.name()).isEqualTo(row.name());

        vm.stop(restored);
        until("the stop", () -> {
            try {
                return app.engine().endpoints().find(restored.name()).orElseThrow().state() == EndpointState.STOPPED;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        app.switchEngine(null);
        app.switchEngine(Engine.open(trained.root));
        until("the listed endpoint", () -> !vm.rows().isEmpty());
        assertThat(vm.rows().getFirst().status()).isEqualTo(EndpointStatus.STOPPED);
    }

    @Test
    void aBadFormSaysWhatIsWrongAndDeploysNothing() throws Exception {
        until("the models", () -> vm.form().versionProperty().get() != null);
        vm.form().portProperty().set("http");
        vm.deploy();
        assertThat(vm.errorProperty().get()).contains("The port is a number").contains("'http'");
        vm.form().portProperty().set("0");
        vm.form().nameProperty().set("no spaces please");
        vm.deploy();
        assertThat(vm.errorProperty().get()).contains("'no spaces please'");
        assertThat(vm.rows()).isEmpty();
        assertThat(app.engine().endpoints().list()).isEmpty();
    }

    @Test
    void theBatchPanelScoresAFileAndShowsTheSummary() throws Exception {
        until("the models", () -> vm.form().versionProperty().get() != null);
        Path in = Files.writeString(tmp.resolve("rows.csv"), "years_it_experience,years_aws_experience,hours_of_study\n4,1,15\nx,1,2\n");
        vm.batch().inputProperty().set(in.toString());
        assertThat(vm.batch().outputProperty().get()).isEqualTo(tmp.resolve("rows-scored.csv").toString());
        vm.batch().run();
        until("the batch", () -> !vm.batch().runningProperty().get());
        assertThat(vm.batch().errorProperty().get()).isEmpty();
        assertThat(vm.batch().summaryProperty().get()).startsWith("1 rows scored, 1 rejected");
        assertThat(Files.readAllLines(tmp.resolve("rows-scored.csv"))).hasSize(2);
    }

    private RunningServer serverOf(EndpointRow row) {
        return vm.servers().server(row.name()).orElseThrow();
    }
}
