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
    void theClassificationWalkThroughRunsGreenShowsATableAndAChartAndRegistersAModel() throws Exception {
        Path ws = SampleWorkspace.ensure(tmp.resolve("ws"));
        Path nb = ws.resolve("notebooks").resolve(SampleNotebooks.EXAM_PASS_CLASSIFICATION);

        CliHarness.Result r = cli.run("run", nb.toString(), "-w", ws.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        Notebook ran = Notebooks.read(nb);
        assertThat(text(cell(ran, "pass-derive"))).contains("exam_pass: 1000 rows");
        assertThat(richOutputs(cell(ran, "pass-frame"))).anySatisfy(data -> assertThat(data).containsKey("text/html")
                .hasEntrySatisfying("text/plain", t -> assertThat(String.valueOf(t)).contains("1000 rows")
                        .contains("hours_of_study")));
        assertThat(richOutputs(cell(ran, "pass-chart"))).anySatisfy(data -> assertThat(data).containsKey("image/png"));
        assertThat(text(cell(ran, "pass-fit"))).contains("logistic_regression").contains("random_forest").contains("best: ");
        assertThat(text(cell(ran, "pass-register"))).contains("registered").containsPattern("15 hours of study: (pass|fail)");
        CliHarness.Result models = cli.run("models", "list", "-w", ws.toString());
        assertThat(models.out()).contains("exam-pass");
    }

    @Test
    void theTuningNotebookRunsGreenWithParametersAndLogsOneRunPerConfiguration() throws Exception {
        Path ws = SampleWorkspace.ensure(tmp.resolve("ws"));
        Path nb = ws.resolve("notebooks").resolve(SampleNotebooks.EXAM_SCORE_TUNING);
        Path out = tmp.resolve("tuned.ipynb");

        CliHarness.Result r = cli.run("run", nb.toString(), "--output", out.toString(), "-p", "depths=3,6", "-w", ws.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        Notebook ran = Notebooks.read(out);
        assertThat(text(cell(ran, "tune-loop")).lines().filter(l -> l.contains("rmse"))).hasSize(4); // 2 tree counts x 2 depths
        assertThat(richOutputs(cell(ran, "tune-chart"))).anySatisfy(data -> assertThat(data).containsKey("image/png"));
        assertThat(text(cell(ran, "tune-best"))).contains("registered");
        assertThat(cli.run("models", "list", "-w", ws.toString()).out()).contains("exam-score-tuned");
    }

    private static Cell.Code cell(Notebook nb, String id) {
        return nb.cells().stream().filter(c -> c.id().equals(id)).map(Cell.Code.class::cast).findFirst().orElseThrow();
    }

    private static List<java.util.Map<String, Object>> richOutputs(Cell.Code cell) {
        return cell.outputs().stream().<java.util.Map<String, Object>>mapMulti((o, sink) -> {
            if (o instanceof dev.osprey.notebook.model.Output.ExecuteResult e) {
                sink.accept(e.data());
            } else if (o instanceof dev.osprey.notebook.model.Output.DisplayData d) {
                sink.accept(d.data());
            }
        }).toList();
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
