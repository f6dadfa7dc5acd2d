package dev.osprey.app.cli;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.wrangle.Condition;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey data apply, in-process against the sample workspace with a saved recipe. */
class DataApplyCliTest {
    @TempDir
    Path tmp;
    CliHarness cli;
    Path ws;
    long highScorers;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp.resolve("home"), tmp);
        ws = SampleWorkspace.ensure(tmp.resolve("ws"));
        try (Engine e = Engine.open(ws)) {
            Dataset exam = e.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            Recipe r = Recipe.of(new Step.Filter(new Condition.Compare("exam_score", Condition.Op.GE, "800")),
                    new Step.Standardize("hours_of_study"),
                    new Step.Bin("years_it_experience", Step.BinMethod.QUANTILE, 3, "it_level"));
            highScorers = e.recipes().saveAs("prep", exam.id(), r, "exam_prep", JobContext.NONE).rowCount();
        }
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-w");
        all.add(ws.toString());
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void appliesASavedRecipeAsANewDataset() throws Exception {
        CliHarness.Result r = run("data", "apply", "--recipe", "prep", "--to", "exam_scores");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(String.format("Applied recipe 'prep' v1 to exam_scores: %,d rows, 5 columns -> dataset"
                + " exam_scores_prep%n", highScorers));
        try (Engine e = Engine.open(ws)) {
            Dataset d = e.datasets().find("exam_scores_prep").orElseThrow();
            assertThat(d.rowCount()).isEqualTo(highScorers).isBetween(1L, 999L);
            assertThat(e.recipes().store().lineage(d.id()).orElseThrow().recipeName()).isEqualTo("prep");
        }
    }

    @Test
    void writesAFileWithOutput() throws Exception {
        CliHarness.Result r = run("data", "apply", "--recipe", "prep", "--to", "exam_scores", "--output", "out.csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("-> " + tmp.resolve("out.csv"));
        assertThat(Files.readAllLines(tmp.resolve("out.csv"))).hasSize((int) highScorers + 1).first().asString()
                .isEqualTo("years_it_experience,years_aws_experience,hours_of_study,exam_score,it_level");
    }

    @Test
    void badInputIsAClearMessage() {
        CliHarness.Result r = run("data", "apply", "--recipe", "nope", "--to", "exam_scores");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("There is no recipe named 'nope' (saved recipes: prep).");

        r = run("data", "apply", "--recipe", "prep", "--to", "exam");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("There is no dataset 'exam'. The datasets are: exam_prep, exam_scores.");

        // applied to its own output, the bin's new column already exists
        r = run("data", "apply", "--recipe", "prep", "--to", "exam_prep");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("Step 3 (Bin 'years_it_experience' into 3 (quantile)): a column named 'it_level' already exists");

        r = run("data", "apply", "--recipe", "prep", "--to", "exam_scores", "--name", "exam_prep");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("A dataset named 'exam_prep' already exists");

        r = run("data", "apply", "--recipe", "prep", "--to", "exam_scores", "--output", "x.txt");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("must end in .parquet or .csv");
    }
}
