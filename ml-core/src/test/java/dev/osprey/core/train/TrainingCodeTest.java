package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.sample.SampleWorkspace;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "export to notebook" cell is valid Java that, run in JShell, trains the model again and records a run. */
class TrainingCodeTest {
    @TempDir
    Path tmp;

    @Test
    void theCellSpellsOutTheRequest() {
        TrainingRequest request = TrainingRequest.of(new DatasetId(7), "exam \"score\"", "xgboost")
                .withOptions(Map.of("rounds", "20", "eta", "0.1"))
                .withValidation(new Validation.StratifiedKFold(3, 9))
                .withProblemType(ProblemType.REGRESSION)
                .withExperiment("exams\\v2");
        String cell = TrainingCode.javaCell(request, "exam_scores");
        assertThat(cell).contains("System.getProperty(\"osprey.workspace\")", "engine.datasets().find(\"exam_scores\")",
                "TrainingRequest.of(dataset.id(), \"exam \\\"score\\\"\", \"xgboost\")",
                "java.util.Map.entry(\"eta\", \"0.1\")", "java.util.Map.entry(\"rounds\", \"20\")",
                "new dev.osprey.core.train.Validation.StratifiedKFold(3, 9L)", "ProblemType.REGRESSION",
                ".withExperiment(\"exams\\\\v2\")");
        assertThatThrownBy(() -> TrainingCode.javaCell(request, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCellKeepsTheRecipeAndRowLimit() {
        TrainingRequest request = TrainingRequest.of(new DatasetId(7), "y", "xgboost").withRecipe("clean", 2)
                .withRowLimit(1000);
        assertThat(TrainingCode.javaCell(request, "exam")).contains(".withRecipe(\"clean\", 2)", ".withRowLimit(1000L);");
    }

    @Test
    void theCellRunsInJShellAndRecordsARun() throws Exception {
        Path ws = SampleWorkspace.ensure(tmp.resolve("ws"));
        DatasetId id;
        try (Engine engine = Engine.open(ws)) {
            id = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow().id();
        }
        TrainingRequest request = TrainingRequest.of(id, SampleWorkspace.TARGET, "random_forest")
                .withOptions(Map.of("trees", "10", "max_depth", "4"))
                .withValidation(new Validation.KFold(3, 5))
                .withExperiment("from a notebook");
        String cell = TrainingCode.javaCell(request, SampleWorkspace.DATASET);

        String previous = System.getProperty(TrainingCode.WORKSPACE_PROPERTY);
        System.setProperty(TrainingCode.WORKSPACE_PROPERTY, ws.toString());
        String rmse;
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : classPath()) {
                shell.addToClasspath(entry);
            }
            for (String snippet : snippets(shell, cell)) {
                for (SnippetEvent e : shell.eval(snippet)) {
                    assertThat(e.status()).as(snippet + "\n" + shell.diagnostics(e.snippet())
                            .map(d -> d.getMessage(null)).toList()).isIn(Snippet.Status.VALID, Snippet.Status.OVERWRITTEN);
                    assertThat(e.exception()).as(snippet).isNull();
                }
            }
            // "local" runs the cell in this JVM, so its variables can be read back
            rmse = shell.eval("result.metrics().get(\"rmse\")").getFirst().value();
        } finally {
            if (previous == null) {
                System.clearProperty(TrainingCode.WORKSPACE_PROPERTY);
            } else {
                System.setProperty(TrainingCode.WORKSPACE_PROPERTY, previous);
            }
        }
        assertThat(Double.parseDouble(rmse)).isPositive();
        try (Engine engine = Engine.open(ws)) {
            List<Run> runs = engine.experiments().runs(engine.experiments().ensureExperiment("from a notebook").id());
            assertThat(runs).hasSize(1);
            Run run = runs.getFirst();
            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.params()).containsEntry("algorithm", "random_forest").containsEntry("trees", "10")
                    .containsEntry("validation", "3-fold");
        }
    }

    /** Surefire may pass the test class path in a manifest-only jar; its own property has the real entries. */
    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    /** Splits the cell into the complete snippets JShell evaluates one by one. */
    private static List<String> snippets(JShell shell, String source) {
        List<String> out = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            assertThat(info.completeness().isComplete()).as(rest).isTrue();
            out.add(info.source());
            rest = info.remaining();
        }
        return out;
    }
}
