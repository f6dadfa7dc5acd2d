package dev.osprey.app.cli;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.TablePreview;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * osprey train --recipe and osprey predict on a raw CSV: the model applies the recipe (fill missing,
 * one-hot, standardize) itself, so raw rows score as the recipe's SQL output rows score with a model
 * trained on that output.
 */
class RecipeTrainCliTest {
    static final String[] CITIES = {"Oslo", "Lima", "Pune"};

    @TempDir
    Path tmp;
    CliHarness cli;
    Path ws;
    final List<String> rawLines = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp.resolve("home"), tmp);
        ws = tmp.resolve("ws");
        Random r = new Random(3);
        StringBuilder csv = new StringBuilder("x1,city,x2,y\n");
        for (int i = 0; i < 150; i++) {
            int c = r.nextInt(3);
            double x1 = Math.round(1000 * r.nextDouble()) / 100.0;
            double x2 = Math.round(100 * (50 + 10 * r.nextGaussian())) / 100.0;
            double y = Math.round(100 * (2 * x1 + 4 * (1 - c) + 0.3 * x2 + r.nextGaussian())) / 100.0;
            String line = (i % 7 == 0 ? "" : x1) + "," + (i % 11 == 0 ? "" : CITIES[c]) + "," + x2;
            rawLines.add(line);
            csv.append(line).append(',').append(y).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("exam.csv"), csv);
        try (Engine e = Engine.create(ws)) {
            Dataset exam = e.datasets().importFile(ImportRequest.of(file), null);
            e.recipes().saveAs("clean", exam.id(), Recipe.of(new Step.FillMissing("x1", Step.FillMethod.MEAN, null),
                    new Step.FillMissing("city", Step.FillMethod.MODE, null), new Step.OneHotEncode("city", true),
                    new Step.Standardize("x2")), "exam_clean", JobContext.NONE);
            e.recipes().saveAs("by_city", exam.id(), Recipe.of(new Step.GroupBy(List.of("city"),
                    List.of(new Step.Aggregate("y", Step.AggFunction.MEAN, "y")))), "exam_by_city", JobContext.NONE);
        }
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-w");
        all.add(ws.toString());
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void trainsThroughARecipeAndPredictsRawRows() throws Exception {
        CliHarness.Result train = run("train", "--data", "exam", "--recipe", "clean:1", "--target", "y", "--algorithm",
                "decision_tree", "--register", "exam-clean");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("Through the recipe clean v1: the model takes the raw columns x1, city, x2 and"
                + " applies the recipe first.").contains("Registered: exam-clean:1");

        CliHarness.Result show = run("models", "show", "exam-clean");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).containsPattern("(?m)^x1\\s+decimal\\s+numeric")
                .containsPattern("(?m)^city\\s+category\\s+one-hot\\s+categories ")
                .contains("recipe:     clean v1; takes raw rows; steps: 1. ");

        int n = 12;
        Path raw = tmp.resolve("raw.csv");
        List<String> lines = new ArrayList<>(List.of("x1,city,x2"));
        lines.addAll(rawLines.subList(0, n));
        Files.write(raw, lines);
        CliHarness.Result predict = run("predict", "--model", "exam-clean", "--input", raw.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> out = predict.out().lines().toList();
        assertThat(out).hasSize(n + 1).first().isEqualTo("x1,city,x2,prediction");

        // the same rows through the recipe's SQL, scored by a model trained on the SQL output without a recipe
        try (Engine e = Engine.open(ws)) {
            Path sql = tmp.resolve("exam_sql.csv");
            e.recipes().applyToFile(e.datasets().find("exam").orElseThrow().id(),
                    e.recipes().savedVersion("clean", 1).fitted(), sql, JobContext.NONE);
            Dataset plainData = e.datasets().importFile(ImportRequest.of(sql), null);
            TrainedModel plain = e.training().train(TrainingRequest.of(plainData.id(), "y", "decision_tree"),
                    JobContext.NONE).model();
            assertThat(plain.recipe()).isEmpty();
            TablePreview p = e.datasets().preview(plainData.id(), n);
            for (int i = 0; i < n; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 0; c < p.columns().size(); c++) {
                    row.put(p.columns().get(c).name(), p.rows().get(i).get(c));
                }
                double cli = Double.parseDouble(out.get(i + 1).substring(out.get(i + 1).lastIndexOf(',') + 1));
                assertThat(cli).as("row %d: %s", i, rawLines.get(i)).isEqualTo(plain.predict(row).value());
            }
        }
    }

    @Test
    void badRecipesAreClearMessages() {
        CliHarness.Result r = run("train", "--data", "exam", "--recipe", "nope", "--target", "y");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("There is no recipe named 'nope' (saved recipes: by_city, clean).");

        r = run("train", "--data", "exam", "--recipe", "by_city", "--target", "y");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("The recipe 'by_city' cannot be used to train a model")
                .contains("cannot run on a single row");

        r = run("train", "--data", "exam", "--recipe", "clean:0", "--target", "y");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Recipe versions count from 1, not 0.");
    }
}
