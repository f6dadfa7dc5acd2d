package dev.osprey.app.cli;

import dev.osprey.core.sample.SampleWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey tune and osprey automl, in-process against a sample workspace. */
class TuneCliTest {
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
    void tunesPrintsALinePerTrialAndTheBestAndRegistersIt() {
        CliHarness.Result r = run("tune", "--data", "exam_scores", "--target", "exam_score", "--algorithm", "xgboost",
                "--space", "max_depth=int(2,5);eta=log(0.05,0.5)", "--strategy", "random", "--trials", "4", "--parallel", "2",
                "--param", "rounds=15", "--register", "exam-tuned");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Tuning job 1: xgboost on exam_scores, random, minimize rmse, 2 at once, "
                        + Math.max(1, Runtime.getRuntime().availableProcessors() / 2) + " thread")
                .containsPattern("(?m)^TRIAL\\s+STATE\\s+RMSE\\s+SECONDS\\s+PARAMS$")
                .containsPattern("(?m)^\\s+\\d\\s+complete\\s+\\d+\\.\\d{4}\\*?\\s+\\d+\\.\\d\\s+max_depth=\\d eta=0\\.\\d+$")
                .contains("Tuning job 1 finished: 4 trials (4 complete, 0 stopped early, 0 failed).")
                .containsPattern("(?m)^Best: trial \\d, rmse \\d+\\.\\d{4}, run \\d+$")
                .contains("Registered: exam-tuned:1 (PENDING)");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+\\d\\s+complete.*"))).hasSize(4);
    }

    @Test
    void threadsPerTrialIsTheUsersChoice() {
        CliHarness.Result r = run("tune", "--data", "exam_scores", "--target", "exam_score", "--space", "max_depth=int(2,5)",
                "--strategy", "random", "--trials", "2", "--threads-per-trial", "1", "--param", "rounds=5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("minimize rmse, 1 at once, 1 thread each");
    }

    @Test
    void automlPrintsTheLeaderboard() {
        CliHarness.Result r = run("automl", "--data", "exam_scores", "--target", "exam_score", "--minutes", "1",
                "--candidates", "ridge,xgboost", "--trials", "2", "--register", "exam-auto");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Leaderboard (minimize rmse, regression model, 3-fold cross-validation):")
                .containsPattern("(?m)^RANK\\s+ALGORITHM\\s+RMSE\\s+TRIALS\\s+TIME\\s+RUN\\s+PARAMS$")
                .containsPattern("(?m)^\\s*1\\s+(ridge|xgboost)\\s+\\d+\\.\\d{4}\\s+[12]\\s")
                .containsPattern("(?m)^\\s*2\\s+(ridge|xgboost)\\s+")
                .containsPattern("(?m)^Best: .+ \\(rmse \\d+\\.\\d{4}\\), run \\d+$")
                .contains("Registered: exam-auto:1 (PENDING)");
        assertThat(r.err()).contains("regression model, ranked by minimize rmse; candidates: ridge, xgboost");
    }

    @Test
    void badInputExitsNonZeroWithAClearMessage() {
        assertBad(2, "--space: max_depth: the range is inverted", "tune", "--data", "exam_scores", "--target", "exam_score",
                "--space", "max_depth=int(10,3)");
        assertBad(2, "--space: max_depth: the range is empty", "tune", "--data", "exam_scores", "--target", "exam_score",
                "--space", "max_depth=int(3,3)");
        assertBad(2, "at least one trial", "tune", "--data", "exam_scores", "--target", "exam_score", "--trials", "0");
        assertBad(2, "--threads-per-trial must be between 1 and 256 (or 0: the cores shared among the trials at once),"
                + " not -1.", "tune", "--data", "exam_scores", "--target", "exam_score", "--threads-per-trial", "-1");
        assertBad(2, "Unknown strategy 'annealing'", "tune", "--data", "exam_scores", "--target", "exam_score",
                "--strategy", "annealing");
        assertBad(1, "xgboost has no parameter 'depth'", "tune", "--data", "exam_scores", "--target", "exam_score",
                "--space", "depth=int(2,5)");
        assertBad(1, "There is no algorithm 'boost'", "tune", "--data", "exam_scores", "--target", "exam_score",
                "--algorithm", "boost");
        assertBad(1, "There is no dataset 'exams'", "tune", "--data", "exams", "--target", "exam_score");
        assertBad(1, "no metric 'accuracy'", "tune", "--data", "exam_scores", "--target", "exam_score", "--metric", "accuracy");
        assertBad(2, "--minutes must be more than 0", "automl", "--data", "exam_scores", "--target", "exam_score",
                "--minutes", "0");
        assertBad(1, "cannot train a regression", "automl", "--data", "exam_scores", "--target", "exam_score",
                "--candidates", "svm");
        assertThat(run("models", "list").out()).doesNotContain("exam");
    }

    private void assertBad(int code, String message, String... args) {
        CliHarness.Result r = run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("Unexpected");
    }
}
