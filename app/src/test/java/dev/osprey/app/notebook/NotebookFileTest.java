package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelOptions;
import dev.osprey.notebook.kernel.KernelStatus;
import dev.osprey.notebook.model.Autosaves;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An open notebook's file: autosave beside it, recovery after a crash, a change on disk by
 * another program (reload, keep mine, save mine as a copy), and the Jupyter commands that change
 * what will be saved (run above/below, clear outputs, restart and run all, undo delete).
 */
class NotebookFileTest {
    private static final NotebookTimings FAST = new NotebookTimings(Duration.ofMillis(200), Duration.ofMillis(200));

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-io"));
    private NotebookViewModel model;

    @AfterEach
    void tearDown() throws Exception {
        if (model != null) {
            on(() -> model.closeDiscarding()).get(10, TimeUnit.SECONDS);
        }
        ui.shutdownNow();
        io.shutdownNow();
    }

    private NotebookViewModel open(Path file) throws Exception {
        Notebook doc = Notebooks.read(file);
        Autosaves.Recovery recovery = Autosaves.pending(file).orElse(null);
        model = on(() -> new NotebookViewModel(file, doc, recovery, tmp, (ws, dir) -> Kernel.start(KernelOptions.defaults()), ui, io, FAST));
        return model;
    }

    @Test
    void editsAreAutosavedBesideTheFileAndComeBackAfterACrash() throws Exception {
        Path file = tmp.resolve("work.ipynb");
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("int a = 1;"))));
        open(file);
        on(() -> {
            model.cells().getFirst().sourceProperty().set("int a = 2; // edited");
            return null;
        });
        waitFor(() -> Files.exists(Autosaves.pathFor(file)));
        assertThat(Notebooks.read(Autosaves.pathFor(file)).cells().getFirst().source()).isEqualTo("int a = 2; // edited");
        assertThat(Notebooks.read(file).cells().getFirst().source()).isEqualTo("int a = 1;"); // the file waits for a save

        // the studio dies: nothing closes the model or saves. Opening the notebook again offers the copy
        NotebookViewModel crashed = model;
        model = null;
        open(file);
        assertThat(on(() -> model.recoveryProperty().get())).isNotNull();
        assertThat(on(() -> model.cells().getFirst().source())).isEqualTo("int a = 1;");
        on(() -> {
            model.recover();
            return null;
        });
        assertThat(on(() -> model.cells().getFirst().source())).isEqualTo("int a = 2; // edited");
        assertThat(on(() -> model.dirtyProperty().get())).isTrue();
        on(() -> model.save()).get(10, TimeUnit.SECONDS);
        assertThat(Notebooks.read(file).cells().getFirst().source()).isEqualTo("int a = 2; // edited");
        assertThat(Autosaves.pathFor(file)).doesNotExist(); // a save makes the copy redundant
        on(() -> crashed.closeDiscarding()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aChangeOnDiskIsNeverOverwrittenUntilTheUserChooses() throws Exception {
        Path file = tmp.resolve("shared.ipynb");
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("mine"))));
        open(file);
        on(() -> {
            model.cells().getFirst().sourceProperty().set("mine, edited");
            return null;
        });
        Thread.sleep(50);
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("theirs"))));
        waitFor(() -> model.diskConflictProperty().get() != null); // the poll noticed
        assertThat(on(() -> model.diskConflictProperty().get())).contains("shared.ipynb").contains("changed on disk");

        assertThatThrownBy(() -> on(() -> model.save()).get(10, TimeUnit.SECONDS)).hasMessageContaining("changed on disk");
        assertThat(Notebooks.read(file).cells().getFirst().source()).isEqualTo("theirs");

        Path copy = on(() -> model.saveMineAsCopy()).get(10, TimeUnit.SECONDS);
        assertThat(copy.getFileName().toString()).isEqualTo("shared-mine.ipynb");
        assertThat(Notebooks.read(copy).cells().getFirst().source()).isEqualTo("mine, edited");
        assertThat(Notebooks.read(file).cells().getFirst().source()).isEqualTo("theirs");
        assertThat(on(() -> model.file())).isEqualTo(copy);
        assertThat(on(() -> model.diskConflictProperty().get())).isNull();
    }

    @Test
    void reloadTakesTheDiskVersionAndKeepMineOverwritesIt() throws Exception {
        Path file = tmp.resolve("r.ipynb");
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("v1"))));
        open(file);
        Thread.sleep(50);
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("v2 from elsewhere"))));
        assertThat(on(() -> model.checkDisk()).get(10, TimeUnit.SECONDS)).isTrue();
        on(() -> model.reload()).get(10, TimeUnit.SECONDS);
        assertThat(on(() -> model.cells().getFirst().source())).isEqualTo("v2 from elsewhere");
        assertThat(on(() -> model.dirtyProperty().get())).isFalse();

        on(() -> {
            model.cells().getFirst().sourceProperty().set("v3 mine");
            return null;
        });
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("v3 theirs"))));
        waitFor(() -> model.diskConflictProperty().get() != null);
        on(() -> model.keepMine()).get(10, TimeUnit.SECONDS);
        assertThat(Notebooks.read(file).cells().getFirst().source()).isEqualTo("v3 mine");
        assertThat(on(() -> model.checkDisk()).get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void runAboveBelowClearOutputsRestartAndRunAllAndUndoDelete() throws Exception {
        Path file = tmp.resolve("cmd.ipynb");
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("1"), Cell.Code.of("2"), Cell.Code.of("3"))));
        open(file);
        waitFor(() -> model.kernelStatusProperty().get() == KernelStatus.IDLE);
        on(() -> {
            model.selectedProperty().set(1);
            model.runAbove();
            return null;
        });
        waitFor(() -> model.cells().getFirst().executionCountProperty().get() != null);
        assertThat(on(() -> model.cells().stream().map(c -> c.executionCountProperty().get()).toList())).containsExactly(1, null, null);
        on(() -> {
            model.runBelow();
            return null;
        });
        waitFor(() -> model.cells().get(2).executionCountProperty().get() != null);
        assertThat(on(() -> model.cells().stream().map(c -> c.executionCountProperty().get()).toList())).containsExactly(1, 2, 3);

        on(() -> {
            model.clearSelectedOutputs();
            return null;
        });
        assertThat(on(() -> model.cells().get(1).outputs())).isEmpty();
        on(() -> {
            model.clearAllOutputs();
            return null;
        });
        assertThat(on(() -> model.cells().stream().allMatch(c -> c.outputs().isEmpty() && c.executionCountProperty().get() == null))).isTrue();

        on(() -> model.restartAndRunAll()).get(60, TimeUnit.SECONDS);
        waitFor(() -> model.cells().get(2).executionCountProperty().get() != null);
        assertThat(on(() -> model.cells().stream().map(c -> c.executionCountProperty().get()).toList())).containsExactly(1, 2, 3);

        List<String> afterUndo = on(() -> {
            model.selectedProperty().set(0);
            model.edits().deleteSelected();
            model.edits().deleteSelected();
            model.edits().undoDelete();
            return model.cells().stream().map(CellModel::source).toList();
        });
        assertThat(afterUndo).containsExactly("2", "3");
        List<String> restored = on(() -> {
            model.edits().undoDelete();
            return model.cells().stream().map(c -> c.source() + "=" + c.outputs().size()).toList();
        });
        assertThat(restored).containsExactly("1=1", "2=1", "3=1"); // back where it was, with its output
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
