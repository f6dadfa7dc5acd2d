package dev.osprey.notebook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.osprey.notebook.kernel.KernelOptions;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import dev.osprey.notebook.model.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs notebooks end to end in real kernels: parameters, outputs written back, a failing cell. */
class NotebookRunnerTest {
    @TempDir
    Path dir;

    private static Cell.Code tagged(String source, String tag) {
        return Cell.Code.of(source).withMetadata(Map.of("tags", List.of(tag)));
    }

    @Test
    void parametersAreInjectedAfterTheParametersCellWithItsTypes() throws Exception {
        Notebook nb = Notebook.create(List.of(
                Cell.Markdown.of("# Report"),
                tagged("int epochs = 10;\nString name = \"base\";\ndouble rate = 0.1;", NotebookRunner.PARAMETERS_TAG),
                Cell.Code.of("System.out.println(name + \" \" + epochs * 2 + \" \" + rate);\nSystem.out.println(extra);"),
                Cell.Code.of("display(new Markdown(\"**done**\"));\nepochs + 1")));
        Path in = dir.resolve("report.ipynb");
        Path out = dir.resolve("out/report-run.ipynb");
        Notebooks.write(in, nb);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("epochs", "25");
        params.put("name", "42");
        params.put("extra", "hello \"world\"");
        List<Integer> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        new NotebookRunner(KernelOptions.defaults().withMaxHeap("256m").withWorkingDirectory(dir), Duration.ofMinutes(2),
                (i, n, outcome, elapsed) -> progress.add(i)).execute(in, params, out);

        Notebook ran = Notebooks.read(out);
        assertThat(ran.cells()).hasSize(5);
        Cell.Code injected = (Cell.Code) ran.cells().get(2);
        assertThat(injected.tags()).containsExactly(NotebookRunner.INJECTED_TAG);
        assertThat(injected.source()).contains("int epochs = 25;").contains("String name = \"42\";").contains("var extra = \"hello \\\"world\\\"\";");
        Cell.Code printed = (Cell.Code) ran.cells().get(3);
        assertThat(printed.outputs()).containsExactly(new Output.Stream("stdout", "42 50 0.1\nhello \"world\"\n"));
        assertThat(printed.executionCount()).isEqualTo(3);
        Cell.Code last = (Cell.Code) ran.cells().get(4);
        assertThat(last.outputs().get(0)).isInstanceOf(Output.DisplayData.class);
        assertThat(((Output.ExecuteResult) last.outputs().get(1)).data()).containsEntry("text/plain", "26");
        assertThat(progress).containsExactly(1, 2, 3, 4);

        // running the output again replaces the injected cell instead of adding a second one
        Notebook again = new NotebookRunner(KernelOptions.defaults().withMaxHeap("256m"), Duration.ZERO, null)
                .execute(ran, Map.of("epochs", "1", "extra", "x"));
        assertThat(again.cells().stream().filter(c -> c.tags().contains(NotebookRunner.INJECTED_TAG))).hasSize(1);
    }

    @Test
    void aFailingCellStopsTheRunAndTheOutputShowsIt() throws Exception {
        Notebook nb = Notebook.create(List.of(
                Cell.Code.of("System.out.println(\"first\");"),
                Cell.Markdown.of("text"),
                Cell.Code.of("int zero = 0;\nint r = 1 / zero;"),
                Cell.Code.of("System.out.println(\"never\");")));
        Path in = dir.resolve("fails.ipynb");
        Path out = dir.resolve("fails-out.ipynb");
        Notebooks.write(in, nb);
        NotebookRunner runner = new NotebookRunner(KernelOptions.defaults().withMaxHeap("256m"), Duration.ZERO, null);
        assertThatThrownBy(() -> runner.execute(in, Map.of(), out))
                .isInstanceOfSatisfying(NotebookExecutionException.class, e -> {
                    assertThat(e.cellIndex()).isEqualTo(2);
                    assertThat(e.errorName()).isEqualTo("java.lang.ArithmeticException");
                    assertThat(e.getMessage()).isEqualTo("cell 3, line 2: java.lang.ArithmeticException: / by zero");
                });
        Notebook written = Notebooks.read(out);
        assertThat(((Cell.Code) written.cells().get(0)).outputs()).containsExactly(new Output.Stream("stdout", "first\n"));
        assertThat(((Cell.Code) written.cells().get(2)).outputs()).singleElement().isInstanceOf(Output.Error.class);
        assertThat(((Cell.Code) written.cells().get(3)).outputs()).isEmpty();
        assertThat(((Cell.Code) written.cells().get(3)).executionCount()).isNull();
    }

    @Test
    void aParameterThatDoesNotFitItsTypeIsRefused() {
        assertThatThrownBy(() -> Parameters.literal("int", "epochs", "ten")).hasMessageContaining("epochs").hasMessageContaining("ten");
        assertThat(Parameters.literal("long", "n", "5")).isEqualTo("5L");
        assertThat(Parameters.literal("boolean", "b", "TRUE")).isEqualTo("true");
        assertThat(Parameters.inferred("2.5")).isEqualTo("2.5");
        assertThat(Parameters.inferred("7")).isEqualTo("7");
        assertThat(Parameters.inferred("a\\b\n")).isEqualTo("\"a\\\\b\\n\"");
        assertThatThrownBy(() -> Parameters.literal("List<String>", "xs", "a")).hasMessageContaining("List<String>");
    }
}
