package dev.osprey.app.notebook;

import dev.osprey.core.Engine;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.notebook.kernel.Execution;
import dev.osprey.notebook.kernel.ExecutionOutcome;
import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kernel the studio starts can use the workspace the studio holds open (and locked): the
 * sample notebook's cells open it with Engine.open and train in it.
 */
class StudioKernelWorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void aStudioKernelOpensTheWorkspaceTheStudioHoldsAndTrainsInIt() throws Exception {
        Path ws = SampleWorkspace.ensure(tmp.resolve("sample"));
        try (Engine studio = Engine.open(ws)) {
            Kernel kernel = KernelLauncher.studio().start(ws, ws.resolve("notebooks"));
            try {
                kernel.ready().get(90, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
                Execution cell = kernel.execute("""
                        import dev.osprey.core.Engine;
                        import dev.osprey.core.train.TrainingRequest;
                        import java.nio.file.Path;
                        try (Engine e = Engine.open(Path.of(System.getProperty("osprey.workspace")))) {
                            var data = e.datasets().find("exam_scores").orElseThrow();
                            var r = e.training().train(TrainingRequest.of(data.id(), "exam_score", "linear_regression"),
                                    dev.osprey.core.job.JobContext.NONE);
                            System.out.println("guest=" + e.workspace().isGuest() + " run=" + r.runId());
                        }
                        """);
                cell.await(Duration.ofSeconds(90));
                assertThat(cell.completion().join().outcome()).as(cell.stderr() + cell.error()).isEqualTo(ExecutionOutcome.OK);
                assertThat(cell.stdout()).startsWith("guest=true run=");
            } finally {
                kernel.shutdown();
            }
            // the run the kernel recorded is in the studio's catalog
            assertThat(studio.experiments().experiments()).isNotEmpty();
        }
    }
}
