package dev.osprey.app.cli;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey data profile, in-process against the sample workspace. */
class DataProfileCliTest {
    @TempDir
    Path tmp;
    CliHarness cli;
    String ws;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp.resolve("home"), tmp);
        ws = SampleWorkspace.ensure(tmp.resolve("ws")).toString();
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-w");
        all.add(ws);
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void printsTheSummaryWarningsColumnsLeakageAndQuickModel() {
        CliHarness.Result r = run("data", "profile", "exam_scores", "--html", "exam.html");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Data quality of exam_scores: 1,000 rows, 4 columns, 14 duplicate rows, target exam_score (regression)")
                .containsPattern("(?m)^LOW\\s+-\\s+14 rows \\(1\\.4%\\) repeat an earlier row exactly\\.$")
                .containsPattern("(?m)^COLUMN\\s+TYPE\\s+MISSING\\s+DISTINCT\\s+MIN\\s+MAX\\s+MEAN\\s+STD\\s+MEDIAN\\s+SKEW$")
                .containsPattern("(?m)^hours_of_study\\s+(integer|decimal)\\s+0\\.0%")
                .containsPattern("(?m)^COLUMN ALONE\\s+R2 \\(5-FOLD CV\\)\\s+FLAG$")
                .contains("Quick model: boosted trees (xgboost, default settings), 800 training / 200 validation rows")
                .containsPattern("(?m)^rmse\\s+\\d").containsPattern("(?m)^FEATURE\\s+IMPORTANCE$")
                .contains("HTML report: " + tmp.resolve("exam.html"));
        assertThat(tmp.resolve("exam.html")).exists();
    }

    @Test
    void noModelAndAnExplicitTarget() {
        CliHarness.Result r = run("data", "profile", "exam_scores", "--target", "years_aws_experience", "--no-model");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("target years_aws_experience").doesNotContain("Quick model");
    }

    @Test
    void anUnknownDatasetNamesTheDatasetsThereAre() {
        CliHarness.Result r = run("data", "profile", "exam");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("There is no dataset 'exam'. The datasets are: exam_scores.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownTargetNamesTheColumnsThereAre() {
        CliHarness.Result r = run("data", "profile", "exam_scores", "--target", "grade");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("The dataset 'exam_scores' has no column 'grade'. Its columns are: years_it_experience,");
    }

    @Test
    void anEmptyDatasetIsRefusedWithAReason() throws Exception {
        // Import refuses a file without rows; a dataset's file can still lose its rows later.
        Path csv = Files.writeString(tmp.resolve("empty.csv"), "a,b\n1,2\n");
        try (Engine e = Engine.open(Path.of(ws))) {
            Files.writeString(e.datasets().importFile(ImportRequest.of(csv), JobContext.NONE).location(), "a,b\n");
        }
        CliHarness.Result r = run("data", "profile", "empty");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("The dataset 'empty' has no rows: there is nothing to profile.");
    }

    @Test
    void anHtmlFileInAMissingFolderIsRefusedBeforeAnyWork() {
        CliHarness.Result r = run("data", "profile", "exam_scores", "--html", "nowhere/exam.html");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("its folder does not exist");
    }
}
