package dev.osprey.notebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A small-heap kernel that is made to run out of memory, to exit, and to restart. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KernelLifecycleTest {
    private static Kernel kernel;
    private static final List<String> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startKernel() throws KernelException {
        kernel = Kernel.start(KernelOptions.defaults().withMaxHeap("96m"));
        kernel.addListener((status, reason) -> statuses.add(status.name()));
        kernel.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopKernel() {
        if (kernel != null) {
            kernel.shutdown();
        }
    }

    @Test
    @Order(1)
    void statusGoesFromStartingToIdleAndBusy() throws Exception {
        kernel.execute("Thread.sleep(50);").await(Duration.ofSeconds(30));
        assertThat(statuses).containsSubsequence("STARTING", "IDLE", "BUSY", "IDLE");
    }

    @Test
    @Order(2)
    void outOfMemoryInACellIsAnErrorNotACrash() throws Exception {
        Execution ex = kernel.execute("""
                List<long[]> hog = new ArrayList<>();
                while (true) hog.add(new long[1_000_000]);
                """);
        ExecutionEvent.Completed done = ex.await(Duration.ofSeconds(60));
        assertThat(done.outcome()).isIn(ExecutionOutcome.ERROR, ExecutionOutcome.KERNEL_DIED);
        if (done.outcome() == ExecutionOutcome.ERROR) {
            assertThat(ex.error().orElseThrow().name()).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(kernel.execute("1 + 2").await(Duration.ofSeconds(30)).outcome()).isEqualTo(ExecutionOutcome.OK);
        } else {
            assertThat(kernel.status()).isEqualTo(KernelStatus.DEAD);
            kernel.restart().get();
        }
    }

    @Test
    @Order(3)
    void systemExitKillsOnlyTheKernelAndRestartBringsAFreshOne() throws Exception {
        kernel.execute("int survivor = 7;").await(Duration.ofSeconds(30));
        Execution exit = kernel.execute("System.out.println(\"bye\");\nSystem.exit(0);");
        Execution after = kernel.execute("1 + 1");
        ExecutionEvent.Completed done = exit.await(Duration.ofSeconds(30));
        assertThat(done.outcome()).isEqualTo(ExecutionOutcome.KERNEL_DIED);
        assertThat(exit.stdout()).isEqualTo("bye\n");
        assertThat(exit.error().orElseThrow().message()).contains("exited with code 0");
        assertThat(after.await(Duration.ofSeconds(10)).outcome()).isIn(ExecutionOutcome.ABORTED, ExecutionOutcome.KERNEL_DIED);
        assertThat(kernel.status()).isEqualTo(KernelStatus.DEAD);
        assertThat(kernel.statusReason()).contains("exited with code 0");

        Execution whileDead = kernel.execute("2");
        assertThat(whileDead.await(Duration.ofSeconds(10)).outcome()).isEqualTo(ExecutionOutcome.KERNEL_DIED);

        kernel.restart().get();
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
        assertThat(statuses).containsSubsequence("DEAD", "RESTARTING", "IDLE");
        Execution fresh = kernel.execute("2 * 21");
        assertThat(fresh.await(Duration.ofSeconds(30)).outcome()).isEqualTo(ExecutionOutcome.OK);
        assertThat(fresh.result().orElseThrow().plainText()).isEqualTo("42");
        Execution gone = kernel.execute("survivor");
        gone.await(Duration.ofSeconds(30));
        assertThat(gone.error().orElseThrow().name()).isEqualTo("CompilationError");
        assertThat(fresh.completion().join().executionCount()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void restartStopsARunningCell() throws Exception {
        Execution loop = kernel.execute("while (true) { Thread.onSpinWait(); }");
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (kernel.status() != KernelStatus.BUSY && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        kernel.restart().get();
        assertThat(loop.await(Duration.ofSeconds(10)).outcome()).isEqualTo(ExecutionOutcome.ABORTED);
        assertThat(kernel.execute("3").await(Duration.ofSeconds(30)).outcome()).isEqualTo(ExecutionOutcome.OK);
    }

    @Test
    @Order(5)
    void afterShutdownCellsReportTheKernelGone() throws Exception {
        kernel.shutdown();
        assertThat(kernel.status()).isEqualTo(KernelStatus.DEAD);
        assertThat(kernel.execute("1").await(Duration.ofSeconds(5)).outcome()).isEqualTo(ExecutionOutcome.KERNEL_DIED);
    }
}
