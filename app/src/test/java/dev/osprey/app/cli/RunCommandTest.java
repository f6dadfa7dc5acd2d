package dev.osprey.app.cli;

import dev.osprey.core.sample.SampleNotebooks;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import dev.osprey.notebook.model.Output;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey run, in-process with real kernels (two kernel starts in all). */
class RunCommandTest {
    @TempDir
    Path tmp;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(tmp.resolve("home"), tmp);
    }

    @Test
    void theSampleNotebookTrainsThroughTheWorkspaceAndPredictsAbout890() throws Exception {
        Path ws = SampleWorkspace.ensure(tmp.resolve("ws"));
        Path nb = ws.resolve("notebooks").resolve(SampleNotebooks.EXAM_SCORE_REGRESSION);
        assertThat(nb).exists();

        CliHarness.Result r = cli.run("run", nb.toString(), "-w", ws.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Running exam-score-regression.ipynb").contains("wrote " + nb);
        Notebook ran = Notebooks.read(nb);
        List<Cell.Code> code = ran.cells().stream().filter(Cell.Code.class::isInstance).map(Cell.Code.class::cast).toList();
        assertThat(code).allSatisfy(c -> assertThat(c.executionCount()).isNotNull());
        assertThat(text(code.get(0))).contains("exam_scores: 1000 rows").contains("exam_score (TARGET)");
        assertThat(text(code.get(1))).contains("rmse");
        Matcher m = Pattern.compile("predicted exam score: (\\d+)").matcher(text(code.get(2)));
        assertThat(m.find()).as(text(code.get(2))).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(840, 940);
        // the notebook closed the workspace again: the CLI can open it now
        assertThat(cli.run("models", "list", "-w", ws.toString()).exitCode()).isZero();
    }

    @Test
    void aFailingCellExitsOneNamingItAndTheOutputHoldsWhatRan() throws Exception {
        Path in = tmp.resolve("fails.ipynb");
        Notebooks.write(in, Notebook.create(List.of(
                Cell.Markdown.of("# fails"),
                Cell.Code.of("System.out.println(\"first \" + zero);"),
                Cell.Code.of("int r = 1 / zero;\nSystem.out.println(\"never\");"),
                Cell.Code.of("System.out.println(\"after\");"))));
        Path out = tmp.resolve("out/fails-run.ipynb");
        Path ws = SampleWorkspace.ensure(tmp.resolve("ws"));

        CliHarness.Result r = cli.run("run", in.toString(), "--output", out.toString(), "-p", "zero=0", "-w", ws.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        // the injected parameters cell comes first, so the failing cell is the fourth
        assertThat(r.err()).contains("osprey: Cell 4 (int r = 1 / zero;) failed at line 1: java.lang.ArithmeticException: / by zero.")
                .contains("Outputs up to it are in " + out);
        assertThat(r.err().lines().filter(l -> l.startsWith("osprey:"))).hasSize(1);
        Notebook partial = Notebooks.read(out);
        Cell.Code printed = (Cell.Code) partial.cells().get(2);
        assertThat(printed.outputs()).containsExactly(new Output.Stream("stdout", "first 0\n"));
        Cell.Code failed = (Cell.Code) partial.cells().get(3);
        assertThat(failed.outputs()).singleElement().isInstanceOf(Output.Error.class);
        assertThat(((Cell.Code) partial.cells().get(4)).executionCount()).isNull();
        assertThat(Notebooks.read(in).cells()).hasSize(4); // the input is untouched with --output
    }

    @Test
    void badInputFailsBeforeAnyKernelStarts() throws Exception {
        CliHarness.Result missing = cli.run("run", tmp.resolve("nope.ipynb").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("osprey: There is no file").contains("nope.ipynb");

        Path notJson = Files.writeString(tmp.resolve("broken.ipynb"), "{ not json");
        CliHarness.Result broken = cli.run("run", notJson.toString(), "-w", SampleWorkspace.ensure(tmp.resolve("ws")).toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(broken.err()).contains("osprey: broken.ipynb is not a notebook");

        assertThat(cli.run("run").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static String text(Cell.Code cell) {
        StringBuilder sb = new StringBuilder();
        for (Output o : cell.outputs()) {
            switch (o) {
                case Output.Stream s -> sb.append(s.text());
                case Output.ExecuteResult e -> sb.append(e.data().get("text/plain"));
                case Output.DisplayData d -> sb.append(d.data().get("text/plain"));
                case Output.Error e -> sb.append(e.ename()).append(": ").append(e.evalue());
            }
        }
        return sb.toString();
    }
}
