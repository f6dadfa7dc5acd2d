package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.KernelStatus;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import dev.osprey.notebook.model.Output;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open notebook's view model on real kernels (two starts). A single thread stands in for the
 * FX thread: every read of the model goes through it, as the view's would.
 */
class NotebookViewModelTest {
    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-io"));
    private NotebookViewModel model;

    @AfterEach
    void tearDown() throws Exception {
        if (model != null) {
            on(() -> model.close()).get(10, TimeUnit.SECONDS);
        }
        ui.shutdownNow();
        io.shutdownNow();
    }

    private NotebookViewModel open(Path file, Notebook doc) throws Exception {
        Notebooks.write(file, doc);
        model = on(() -> new NotebookViewModel(file, Notebooks.read(file), tmp, KernelLauncher.studio(), ui, io));
        waitFor(() -> model.kernelStatusProperty().get() == KernelStatus.IDLE);
        return model;
    }

    @Test
    void runsCellsInOrderWithCountsCoalescedOutputErrorsAndSavesThem() throws Exception {
        Path file = tmp.resolve("analysis.ipynb");
        open(file, Notebook.create(List.of(
                Cell.Markdown.of("# Title"),
                Cell.Code.of("int x = 20;\nx + 22"),
                Cell.Code.of("for (int i = 0; i < 20000; i++) System.out.println(\"line \" + i);"),
                Cell.Code.of("String s = null;\nint n = 1;\nn + s.length()"))));

        on(() -> {
            model.runAll();
            return null;
        });
        waitFor(() -> model.cells().get(3).executionCountProperty().get() != null);

        List<CellModel> cells = on(() -> List.copyOf(model.cells()));
        assertThat(on(() -> cells.get(1).executionCountProperty().get())).isEqualTo(1);
        assertThat(on(() -> cells.get(1).outputs())).singleElement()
                .isInstanceOfSatisfying(Output.ExecuteResult.class, r -> assertThat(r.data()).containsEntry("text/plain", "42"));
        // 20,000 prints arrive as one stream output holding every line
        List<Output> printed = on(() -> List.copyOf(cells.get(2).outputs()));
        assertThat(printed).singleElement().isInstanceOfSatisfying(Output.Stream.class, s -> {
            assertThat(s.text().lines().count()).isEqualTo(20000);
            assertThat(s.text()).endsWith("line 19999\n");
        });
        List<Output> failed = on(() -> List.copyOf(cells.get(3).outputs()));
        assertThat(failed).singleElement().isInstanceOfSatisfying(Output.Error.class, e -> {
            assertThat(e.ename()).isEqualTo("java.lang.NullPointerException");
            assertThat(e.traceback().getFirst()).contains("(line 3)");
        });
        assertThat(on(() -> cells.stream().map(CellModel::state).distinct().toList())).containsExactly(CellState.IDLE);
        assertThat(on(() -> model.dirtyProperty().get())).isTrue();

        on(() -> model.save()).get(10, TimeUnit.SECONDS);
        assertThat(on(() -> model.dirtyProperty().get())).isFalse();
        Notebook saved = Notebooks.read(file);
        assertThat(saved.cells()).hasSize(4);
        assertThat(((Cell.Code) saved.cells().get(1)).outputs()).hasSize(1);
        assertThat(((Cell.Code) saved.cells().get(3)).executionCount()).isEqualTo(3);
        assertThat(saved.metadata()).containsKey("kernelspec");
    }

    @Test
    void aKernelThatExitsIsDeadUntilRestartedAndTheTextSurvives() throws Exception {
        Path file = tmp.resolve("crash.ipynb");
        open(file, Notebook.create(List.of(Cell.Code.of("int kept = 7;"), Cell.Code.of("System.exit(0);"))));
        on(() -> {
            model.cells().getFirst().sourceProperty().set("int kept = 8;\nkept * 2");
            model.runAll();
            return null;
        });
        waitFor(() -> model.kernelStatusProperty().get() == KernelStatus.DEAD);
        waitFor(() -> model.cells().get(1).state() == CellState.IDLE);
        assertThat(on(() -> model.cells().get(1).outputs())).anySatisfy(o -> assertThat(o).isInstanceOf(Output.Error.class));
        assertThat(on(() -> model.kernelReasonProperty().get())).isNotBlank();

        on(() -> model.restart());
        waitFor(() -> model.kernelStatusProperty().get() == KernelStatus.IDLE);
        on(() -> {
            model.selectedProperty().set(0);
            model.runSelectedAndAdvance();
            return null;
        });
        waitFor(() -> model.cells().getFirst().state() == CellState.IDLE); // queued synchronously, so this waits for the end
        assertThat(on(() -> model.cells().getFirst().executionCountProperty().get())).isEqualTo(1); // a fresh kernel counts from 1
        assertThat(on(() -> model.cells().getFirst().outputs())).singleElement()
                .isInstanceOfSatisfying(Output.ExecuteResult.class, r -> assertThat(r.data()).containsEntry("text/plain", "16"));
        assertThat(on(() -> model.selectedProperty().get())).isEqualTo(1);

        // closing saves the edits: the notebook text is never lost
        on(() -> model.close()).get(10, TimeUnit.SECONDS);
        model = null;
        assertThat(Notebooks.read(file).cells().getFirst().source()).isEqualTo("int kept = 8;\nkept * 2");
    }

    @Test
    void commandModeEditsInsertDeleteAndSwitchKinds() throws Exception {
        Path file = tmp.resolve("edit.ipynb");
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("a"), Cell.Code.of("b"))));
        model = on(() -> new NotebookViewModel(file, Notebooks.read(file), tmp, (ws, dir) ->
                dev.osprey.notebook.kernel.Kernel.start(dev.osprey.notebook.kernel.KernelOptions.defaults()), ui, io));
        List<String> sources = on(() -> {
            model.selectedProperty().set(1);
            model.edits().insertAbove();                          // a, _, b (selected 1)
            model.cells().get(1).sourceProperty().set("new");
            model.edits().insertBelow();                          // a, new, _, b (selected 2)
            model.edits().deleteSelected();                       // a, new, b (selected 2)
            model.edits().moveSelection(-5);                      // clamps to 0
            model.edits().setSelectedKind(CellModel.Kind.MARKDOWN);
            return model.cells().stream().map(c -> c.kind() + ":" + c.source()).toList();
        });
        assertThat(sources).containsExactly("MARKDOWN:a", "CODE:new", "CODE:b");
        on(() -> model.save()).get(10, TimeUnit.SECONDS);
        assertThat(Notebooks.read(file).cells().getFirst()).isInstanceOf(Cell.Markdown.class);
        assertThat(Notebooks.read(file).cells()).hasSize(3);
    }

    private <T> T on(Callable<T> call) throws Exception {
        return ui.submit(call).get(30, TimeUnit.SECONDS);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!on(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }
}
