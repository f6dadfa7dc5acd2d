package dev.osprey.app.cli;

import dev.osprey.app.AppHome;
import dev.osprey.core.Engine;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.sample.SampleWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey train / algorithms / models / predict, in-process against a sample workspace. */
class TrainCliTest {
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

    private Path csv(String name, String... lines) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private void trainExamScore() {
        CliHarness.Result r = run("train", "--data", "exam_scores", "--target", "exam_score", "--algorithm",
                "linear_regression", "--register", "exam-score");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void trainsRegistersListsShowsAndPredictsTheExamScore() throws IOException {
        CliHarness.Result train = run("train", "--data", "exam_scores", "--target", "exam_score", "--algorithm",
                "linear_regression", "--register", "exam-score");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("Trained Linear").contains("(regression), holdout(0.2): 800 training rows, 200 validation rows")
                .containsPattern("(?m)^METRIC\\s+VALUE$").containsPattern("(?m)^rmse\\s+\\d+\\.\\d{4}$")
                .containsPattern("(?m)^r2\\s+0\\.\\d{4}$").containsPattern("(?m)^Run: \\d+ \\(experiment 'exam_scores / exam_score'\\)$")
                .contains("Registered: exam-score:1 (PENDING)");

        CliHarness.Result list = run("models", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out()).containsPattern("(?m)^exam-score\\s+1\\s+1\\s+PENDING\\s+-\\s+\\d{4}-");

        CliHarness.Result show = run("models", "show", "exam-score");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("Model exam-score:1 (PENDING)")
                .contains("algorithm:  linear_regression").contains("predicts:   exam_score (regression)")
                .containsPattern("(?m)^hours_of_study\\s+(integer|decimal)\\s+numeric\\s+missing -> ")
                .containsPattern("(?m)^rmse\\s+").containsPattern("(?m)^FEATURE\\s+IMPORTANCE \\(")
                .contains("dataset:    exam_scores (1000 rows, fingerprint ").contains("validation: holdout(0.2), seed 42")
                .contains("xgboost:").contains("java:");

        Path input = csv("candidates.csv", "years_it_experience,years_aws_experience,hours_of_study", "4,1,15", "1,0,2");
        Path output = tmp.resolve("scored.csv");
        CliHarness.Result predict = run("predict", "--model", "exam-score:1", "--input", input.toString(), "--output", output.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.out()).isEmpty();
        assertThat(predict.err()).contains("Predicted 2 rows with exam-score:1 into " + output);
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("years_it_experience,years_aws_experience,hours_of_study,prediction");
        assertThat(lines.get(1)).startsWith("4,1,15,");
        double score = Double.parseDouble(lines.get(1).split(",")[3]);
        assertThat(score).isBetween(840.0, 940.0);
        assertThat(Double.parseDouble(lines.get(2).split(",")[3])).isLessThan(score);
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".osprey-tmp-"));

        CliHarness.Result toStdout = run("predict", "-m", "exam-score", "-i", input.toString());
        assertThat(toStdout.exitCode()).as(toStdout.err()).isZero();
        assertThat(toStdout.out().lines().toList()).hasSize(3).element(1).asString().startsWith("4,1,15," + lines.get(1).split(",")[3]);
    }

    @Test
    void aliasesAndApprovalShowInListAndCard() {
        trainExamScore();
        trainExamScore();
        CliHarness.Result alias = run("models", "alias", "exam-score:1", "champion");
        assertThat(alias.exitCode()).as(alias.err()).isZero();
        assertThat(alias.out()).isEqualTo("exam-score@champion -> exam-score:1\n");
        assertThat(run("models", "approve", "exam-score:1").out()).isEqualTo("exam-score:1 is APPROVED\n");
        assertThat(run("models", "reject", "exam-score:2").out()).isEqualTo("exam-score:2 is REJECTED\n");

        assertThat(run("models", "list").out()).containsPattern("(?m)^exam-score\\s+2\\s+2\\s+REJECTED\\s+champion=1\\s");
        CliHarness.Result show = run("models", "show", "exam-score@champion");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("Model exam-score:1 (APPROVED)").contains("aliases:    champion")
                .contains("versions:   2 REJECTED, 1 APPROVED @champion");

        // the alias moves
        run("models", "alias", "exam-score:2", "champion");
        assertThat(run("models", "show", "exam-score@champion").out()).startsWith("Model exam-score:2 (REJECTED)");

        // and goes away; removing it twice says there is none
        CliHarness.Result removed = run("models", "alias", "exam-score", "champion", "--remove");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("exam-score@champion removed\n");
        assertThat(run("models", "list").out()).containsPattern("(?m)^exam-score\\s+2\\s+2\\s+REJECTED\\s+-\\s");
        CliHarness.Result again = run("models", "alias", "exam-score", "champion", "--remove");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).hasLineCount(1).contains("has no alias 'champion'");
    }

    @Test
    void badInputsFailWithOneClearLine() throws IOException {
        CliHarness.Result column = run("train", "--data", "exam_scores", "--target", "score");
        assertThat(column.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(column.err()).hasLineCount(1).contains("has no column 'score'").contains("exam_score");

        CliHarness.Result algorithm = run("train", "--data", "exam_scores", "--target", "exam_score", "--algorithm", "deep_magic");
        assertThat(algorithm.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(algorithm.err()).hasLineCount(1).contains("There is no algorithm 'deep_magic'")
                .contains("xgboost, random_forest, gradient_boost");

        CliHarness.Result param = run("train", "--data", "exam_scores", "--target", "exam_score", "--param", "max_depth=99");
        assertThat(param.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(param.err()).hasLineCount(1).contains("max_depth");

        CliHarness.Result unknownParam = run("train", "--data", "exam_scores", "--target", "exam_score", "--param", "depth=3");
        assertThat(unknownParam.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unknownParam.err()).hasLineCount(1).contains("'depth'");

        CliHarness.Result data = run("train", "--data", "nope", "--target", "exam_score");
        assertThat(data.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(data.err()).isEqualTo("osprey: There is no dataset or file 'nope'. The datasets are: exam_scores.\n");

        CliHarness.Result classOnly = run("train", "--data", "exam_scores", "--target", "exam_score", "--algorithm",
                "logistic_regression");
        assertThat(classOnly.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(classOnly.err()).hasLineCount(1).contains("regression").contains("linear_regression");

        assertThat(run("train", "--data", "exam_scores", "--target", "exam_score", "--cv", "5", "--holdout", "0.2").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliHarness.Result folds = run("train", "--data", "exam_scores", "--target", "exam_score", "--cv", "1");
        assertThat(folds.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(folds.err()).contains("between 2 and 20");
        assertThat(run("train", "--data", "exam_scores", "--target", "exam_score", "--register", "bad name").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("train", "--data", "exam_scores").exitCode()).isEqualTo(ExitCodes.USAGE);

        // nothing above trained, so nothing was registered
        assertThat(run("models", "list").out()).startsWith("No registered models");
        CliHarness.Result noModel = run("models", "show", "exam-score");
        assertThat(noModel.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noModel.err()).isEqualTo("osprey: There is no model 'exam-score' in this workspace.\n");
        assertThat(run("models", "approve", "exam-score").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void predictRefusesABadValueNamingRowAndColumnAndWritesNothing() throws IOException {
        trainExamScore();
        Path input = csv("in.csv", "years_it_experience,years_aws_experience,hours_of_study", "4,1,15", "2,lots,3");
        Path output = tmp.resolve("out.csv");
        CliHarness.Result r = run("predict", "--model", "exam-score", "--input", input.toString(), "--output", output.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).hasLineCount(1).contains("Row 2 of in.csv").contains("'years_aws_experience'").contains("'lots'");
        assertThat(output).doesNotExist();

        Path noColumn = csv("partial.csv", "years_it_experience,hours_of_study", "4,15");
        CliHarness.Result missing = run("predict", "--model", "exam-score", "--input", noColumn.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).hasLineCount(1).contains("partial.csv has no column 'years_aws_experience'");

        CliHarness.Result version = run("predict", "--model", "exam-score:7", "--input", input.toString());
        assertThat(version.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(version.err()).contains("has no version 7");
        assertThat(run("predict", "--model", "exam-score:x", "--input", input.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("predict", "--model", "exam-score", "--input", "absent.csv").err())
                .isEqualTo("osprey: There is no file " + tmp.resolve("absent.csv") + ".\n");
    }

    @Test
    void aClassifierTrainedFromAFileWritesClassProbabilities() throws IOException {
        List<String> lines = new ArrayList<>(List.of("size,colour,kind"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            double size = random.nextDouble() * 10;
            String colour = random.nextBoolean() ? "red" : "blue";
            String kind = size < 3.3 ? "small" : size < 6.6 ? "medium" : "large";
            lines.add(String.format(java.util.Locale.ROOT, "%.3f,%s,%s", size, colour, kind));
        }
        Path file = tmp.resolve("fruit.csv");
        Files.write(file, lines);
        CliHarness.Result train = run("train", "--data", file.toString(), "--target", "kind", "--algorithm", "random-forest",
                "--param", "trees=20", "--cv", "3", "--stratified", "--register", "fruit");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("Imported fruit.csv as the dataset 'fruit' (300 rows, 3 columns).")
                .containsPattern("(?m)^fold 1/3: accuracy 0\\.\\d{4}").contains("fold 3/3:");
        assertThat(train.out()).contains("(multiclass), stratified 3-fold: 300 training rows, 300 validation rows")
                .containsPattern("(?m)^accuracy\\s+0\\.9\\d{3}$").containsPattern("(?m)^CLASS\\s+PRECISION\\s+RECALL\\s+F1\\s+SUPPORT$")
                .containsPattern("(?m)^ACTUAL\\s+large\\s+medium\\s+small$").contains("Registered: fruit:1 (PENDING)");

        Path input = csv("new.csv", "colour,size,note", "red,1.0,\"tiny, round\"", "blue,9.5,");
        CliHarness.Result predict = run("predict", "--model", "fruit", "--input", input.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> out = predict.out().lines().toList();
        assertThat(out.get(0)).isEqualTo("colour,size,note,prediction,probability_large,probability_medium,probability_small");
        assertThat(out.get(1)).startsWith("red,1.0,\"tiny, round\",small,");
        assertThat(out.get(2)).startsWith("blue,9.5,,large,");
        String[] cells = out.get(2).split(",");
        double sum = Double.parseDouble(cells[4]) + Double.parseDouble(cells[5]) + Double.parseDouble(cells[6]);
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));

        // the file is now a dataset; training from it again must not import it twice
        CliHarness.Result again = run("train", "--data", file.toString(), "--target", "kind");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("already has a dataset 'fruit'; train on it with --data fruit");
    }

    @Test
    void kmeansClustersAFileWithoutATargetAndPredictWritesTheClusterId() throws IOException {
        List<String> lines = new ArrayList<>(List.of("x,y"));
        java.util.Random random = new java.util.Random(5);
        double[][] centres = {{0, 0}, {20, 0}, {0, 20}};
        for (int i = 0; i < 150; i++) {
            double[] c = centres[i % 3];
            lines.add(String.format(java.util.Locale.ROOT, "%.3f,%.3f", c[0] + random.nextGaussian(), c[1] + random.nextGaussian()));
        }
        Path file = tmp.resolve("blobs.csv");
        Files.write(file, lines);
        CliHarness.Result train = run("train", "--data", file.toString(), "--algorithm", "kmeans", "--param", "k=3",
                "--register", "segments");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("Clustered 150 rows of blobs with k-means")
                .containsPattern("(?m)^silhouette\\s+0\\.\\d{4}$").containsPattern("(?m)^CLUSTER\\s+ROWS$")
                .containsPattern("(?m)^0\\s+50$").containsPattern("(?m)^2\\s+50$")
                .contains("(experiment 'blobs / clusters')").contains("Registered: segments:1 (PENDING)");

        Path input = csv("points.csv", "x,y", "0.1,0.2", "19.5,0.3", "0.2,20.4");
        CliHarness.Result predict = run("predict", "--model", "segments", "--input", input.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> out = predict.out().lines().toList();
        assertThat(out.getFirst()).isEqualTo("x,y,prediction");
        assertThat(out.subList(1, 4)).allMatch(l -> l.matches(".*,[012]$"));
        assertThat(out.subList(1, 4).stream().map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct()).hasSize(3);

        CliHarness.Result withTarget = run("train", "--data", "blobs", "--algorithm", "kmeans", "--target", "x");
        assertThat(withTarget.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withTarget.err()).contains("kmeans finds clusters without a target; leave out --target x.");
        CliHarness.Result smallK = run("train", "--data", "blobs", "--algorithm", "kmeans", "--param", "k=1");
        assertThat(smallK.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(smallK.err()).hasLineCount(1).contains("k must be between 2 and 1000, not 1");
        CliHarness.Result radius = run("train", "--data", "blobs", "--algorithm", "dbscan", "--param", "radius=0");
        assertThat(radius.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(radius.err()).hasLineCount(1).contains("radius must be greater than 0");
        CliHarness.Result bigK = run("train", "--data", "blobs", "--algorithm", "kmeans", "--param", "k=500");
        assertThat(bigK.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bigK.err()).hasLineCount(1).contains("k is 500 but the data has only 150 rows");
        CliHarness.Result cv = run("train", "--data", "blobs", "--algorithm", "dbscan", "--cv", "3");
        assertThat(cv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cv.err()).contains("do not apply to dbscan");
    }

    @Test
    void xgboostWithFoldsPrintsFoldLinesAndMetrics() {
        CliHarness.Result r = run("train", "--data", "exam_scores", "--target", "exam_score", "--param", "rounds=20",
                "--cv", "3", "--seed", "7", "--experiment", "folds");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("(?m)^fold 1/3: rmse \\d+\\.\\d{4}, mae \\d+\\.\\d{4}, r2 0\\.\\d{4}$")
                .contains("fold 2/3:").contains("fold 3/3:");
        assertThat(r.out()).contains("Trained XGBoost (boosted trees) on exam_scores").contains("3-fold: 1,000 training rows")
                .contains("(experiment 'folds')");
    }

    @Test
    void algorithmsListsIdsParametersAndDefaults() {
        CliHarness.Result r = cli.run("algorithms");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^xgboost  XGBoost \\(boosted trees\\)  \\(regression, binary, multiclass\\)$")
                .containsPattern("(?m)^    rounds=100  max_depth=6  eta=0.3")
                .containsPattern("(?m)^linear_regression  .*\\(regression\\)$")
                .contains("random_forest").contains("knn");
    }

    @Test
    void ctrlCCancelsTrainingWithExit130AndTheRunIsRecordedCancelled() throws Exception {
        StringWriter err = new StringWriter();
        AtomicReference<Thread> presser = new AtomicReference<>();
        // Ctrl+C "pressed" once the first fold has been reported: the job is surely running then.
        InterruptHandler interrupts = onInterrupt -> {
            Thread t = new Thread(() -> {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!err.toString().contains("fold 1/5") && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                onInterrupt.run();
            });
            t.setDaemon(true);
            t.start();
            presser.set(t);
            return () -> {
            };
        };
        CliEnvironment env = new CliEnvironment(new AppHome(tmp.resolve("home")), tmp, false, interrupts, (h, w) -> { });
        CommandLine cl = OspreyCli.create(env);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("train", "-w", ws, "--data", "exam_scores", "--target", "exam_score", "--param", "rounds=3000",
                "--cv", "5", "--register", "never");
        presser.get().join(5000);

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(err.toString()).containsPattern("osprey: Training cancelled; run \\d+ is recorded as CANCELLED.");
        assertThat(out.toString()).isEmpty();
        try (Engine engine = Engine.open(Path.of(ws))) {
            Experiment e = engine.experiments().experiments().getFirst();
            Run run = engine.experiments().runs(e.id()).getFirst();
            assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(engine.registry().models()).isEmpty();
        }
    }
}
