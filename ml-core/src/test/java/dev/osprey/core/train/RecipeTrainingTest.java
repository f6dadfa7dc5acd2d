package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.wrangle.FittedRecipe;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A model trained through a wrangling recipe (fill missing, one-hot, standardize) takes raw rows:
 * its predictions on raw rows equal those of a model trained on the recipe's SQL output and fed the
 * SQL-transformed rows, and the transform matches values computed by hand.
 */
class RecipeTrainingTest {
    static final int ROWS = 200;
    static final String[] CITIES = {"Oslo", "Lima", "Pune"};

    @TempDir
    Path tmp;
    Engine engine;
    Dataset exam;
    final List<Map<String, Object>> raw = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("x1,city,x2,y\n");
        double[] effect = {4, 0, -4};
        for (int i = 0; i < ROWS; i++) {
            int c = r.nextInt(3);
            double x1 = Math.round(100 * 10 * r.nextDouble()) / 100.0;
            double x2 = Math.round(100 * (50 + 10 * r.nextGaussian())) / 100.0;
            double y = Math.round(100 * (2 * x1 + effect[c] + 0.3 * x2 + r.nextGaussian())) / 100.0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x1", i % 7 == 0 ? null : x1);
            row.put("city", i % 11 == 0 ? null : CITIES[c]);
            row.put("x2", x2);
            raw.add(row);
            csv.append(i % 7 == 0 ? "" : x1).append(',').append(i % 11 == 0 ? "" : CITIES[c]).append(',').append(x2)
                    .append(',').append(y).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("exam.csv"), csv, StandardCharsets.UTF_8);
        exam = engine.datasets().importFile(ImportRequest.of(file), null);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    static Recipe clean() {
        return Recipe.of(new Step.FillMissing("x1", Step.FillMethod.MEAN, null),
                new Step.FillMissing("city", Step.FillMethod.MODE, null),
                new Step.OneHotEncode("city", true),
                new Step.Standardize("x2"));
    }

    private TrainingRequest request(Dataset d) {
        return TrainingRequest.of(d.id(), "y", "decision_tree");
    }

    /** The recipe's SQL output written to CSV and imported as a plain dataset (no lineage). */
    private Dataset sqlOutput(FittedRecipe fitted) throws Exception {
        Path out = tmp.resolve("exam_sql.csv");
        engine.recipes().applyToFile(exam.id(), fitted, out, JobContext.NONE);
        return engine.datasets().importFile(ImportRequest.of(out), null);
    }

    @Test
    void savedRecipeModelTakesRawRowsAndMatchesTheSqlPath() throws Exception {
        engine.recipes().saveAs("clean", exam.id(), clean(), "exam_clean", JobContext.NONE);
        TrainingResult viaRecipe = engine.training().train(request(exam).withRecipe("clean", null), JobContext.NONE);
        TrainedModel m = viaRecipe.model();

        assertThat(m.signature().inputNames()).containsExactly("x1", "city", "x2");
        assertThat(m.featureSignature().inputNames()).contains("x1", "x2", "city_Oslo", "city_Lima", "city_Pune");
        RecipeBinding b = m.recipe().orElseThrow();
        assertThat(b.describe()).isEqualTo("clean v1");
        assertThat(b.steps()).hasSize(4).first().asString().startsWith("1. ");
        assertThat(m.signature().inputs().get(1).categories()).containsExactlyInAnyOrder(CITIES);

        Run run = engine.experiments().get(viaRecipe.runId());
        assertThat(run.tags()).containsEntry("osprey.recipe.name", "clean").containsEntry("osprey.recipe.version", "1")
                .containsEntry("osprey.recipe.raw_rows", "true").containsKey("osprey.recipe.steps");

        FittedRecipe fitted = engine.recipes().savedVersion("clean", 1).fitted();
        Dataset plainData = sqlOutput(fitted);
        TrainedModel plain = engine.training().train(request(plainData), JobContext.NONE).model();
        assertThat(plain.recipe()).isEmpty();
        assertThat(plain.signature().inputNames()).isEqualTo(plain.featureSignature().inputNames())
                .contains("city_Oslo");

        List<Map<String, Object>> sqlRows = rows(engine.datasets().preview(plainData.id(), ROWS));
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> text = new LinkedHashMap<>();
            raw.get(i).forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
            assertThat(m.predict(text).value()).as("row %d", i).isEqualTo(plain.predict(sqlRows.get(i)).value());
            assertThat(m.predict(raw.get(i).values().toArray()).value()).isEqualTo(m.predict(text).value());
        }
        // the transform of a row with a missing number and a category string, against values computed here
        Map<String, Object> t = b.transform().apply(Map.of("city", "Pune", "x2", "61.5"));
        assertThat((Double) t.get("x1")).isCloseTo(mean("x1"), within(1e-9));
        assertThat(((Number) t.get("city_Pune")).intValue()).isEqualTo(1);
        assertThat(((Number) t.get("city_Oslo")).intValue()).isZero();
        assertThat((Double) t.get("x2")).isCloseTo((61.5 - mean("x2")) / sd("x2"), within(1e-9));
        // an empty cell (CSV, form) is a missing value too
        assertThat(b.transform().apply(Map.of("x1", "", "city", "Pune", "x2", "61.5"))).isEqualTo(t);
        assertThat(m.predict(Map.of("x1", "", "city", "Pune", "x2", "61.5")).value())
                .isEqualTo(plain.predict(t).value());
    }

    @Test
    void datasetSavedFromARecipeRecordsLineageAndTakesSourceRows() throws Exception {
        Dataset cleanData = engine.recipes().saveAs("clean", exam.id(), clean(), "exam_clean", JobContext.NONE);
        TrainingResult r = engine.training().train(request(cleanData), JobContext.NONE);
        assertThat(r.model().signature().inputNames()).containsExactly("x1", "city", "x2");
        Run run = engine.experiments().get(r.runId());
        assertThat(run.tags()).containsEntry("osprey.recipe.name", "clean").containsEntry("osprey.recipe.source", "exam")
                .containsEntry("osprey.recipe.applied", "lineage").containsEntry("osprey.recipe.raw_rows", "true");
        assertThat(RecipeBinding.provenance(run.tags())).hasValueSatisfying(t -> assertThat(t)
                .startsWith("clean v1, which made the dataset from exam; takes raw rows; steps: 1. "));
        assertThat(RecipeBinding.provenance(Map.of())).isEmpty();
        TrainedModel plain = engine.training().train(request(sqlOutput(engine.recipes().savedVersion("clean", 1).fitted())),
                JobContext.NONE).model();
        Map<String, Object> row = Map.of("city", "Lima", "x2", "44");
        Map<String, Object> transformed = r.model().recipe().orElseThrow().transform().apply(row);
        assertThat(r.model().predict(row).value()).isEqualTo(plain.predict(transformed).value());
    }

    @Test
    void fittedRecipeInMemoryAndTheModelFileRoundTrip() throws Exception {
        FittedRecipe fitted = engine.recipes().fit(exam.id(), clean(), JobContext.NONE);
        TrainedModel m = engine.training().train(request(exam).withRecipe(new RecipeRef.Fitted(fitted, "notebook")),
                JobContext.NONE).model();
        assertThat(m.recipe().orElseThrow().describe()).isEqualTo("notebook");

        TrainedModel back = ModelFiles.fromBytes(ModelFiles.toBytes(m), "model.bin");
        Map<String, Object> row = Map.of("x1", "3.2", "city", "Oslo");
        assertThat(back.predict(row).value()).isEqualTo(m.predict(row).value());
        assertThat(back.signature()).isEqualTo(m.signature());

        // a step that never runs on a row, swapped in for a row-wise one of the same name length, is refused
        byte[] bytes = ModelFiles.toBytes(m);
        String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("Step$Standardize", "Step$DropMissing");
        assertThatThrownBy(() -> ModelFiles.fromBytes(s.getBytes(StandardCharsets.ISO_8859_1), "model.bin"))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("refused")
                .hasMessageContaining("dev.osprey.core.wrangle.Step$DropMissing");
        assertThat(ModelFilter.allowed("dev.osprey.core.wrangle.Step$Join")).isFalse();
        assertThat(ModelFilter.allowed("dev.osprey.core.wrangle.Condition$Sql")).isFalse();
        assertThat(ModelFilter.allowed("dev.osprey.core.wrangle.RecipeService")).isFalse();
        assertThat(ModelFilter.allowed("dev.osprey.core.wrangle.RowTransform")).isTrue();
    }

    @Test
    void recipeThatCannotRunOnOneRowIsRefusedAtTraining() throws Exception {
        Recipe grouped = Recipe.of(new Step.GroupBy(List.of("city"), List.of(
                new Step.Aggregate("x1", Step.AggFunction.MEAN, "x1"), new Step.Aggregate("y", Step.AggFunction.MEAN, "y"))));
        FittedRecipe fitted = engine.recipes().fit(exam.id(), grouped, JobContext.NONE);
        assertThatThrownBy(() -> engine.training().train(request(exam).withRecipe(new RecipeRef.Fitted(fitted, "by city")),
                JobContext.NONE)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("The recipe 'by city' cannot be used to train a model")
                .hasMessageContaining("cannot run on a single row");
        assertThatThrownBy(() -> engine.training().train(request(exam).withRecipe("nope", null), JobContext.NONE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("no recipe named 'nope'");
    }

    @Test
    void rowLimitTrainsOnTheSameSeededSample() throws Exception {
        TrainingResult a = engine.training().train(request(exam).withRowLimit(50), JobContext.NONE);
        TrainingResult b = engine.training().train(request(exam).withRowLimit(50), JobContext.NONE);
        assertThat(a.trainRows() + a.validRows()).isEqualTo(50);
        assertThat(a.metrics()).isEqualTo(b.metrics());
        assertThat(engine.experiments().get(a.runId()).params()).containsEntry("row_limit", "50");
        TrainingResult all = engine.training().train(request(exam).withRowLimit(10_000), JobContext.NONE);
        assertThat(all.trainRows() + all.validRows()).isEqualTo(ROWS);
        assertThatThrownBy(() -> request(exam).withRowLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchTransformScoresRawRowsThroughTheRecipe() throws Exception {
        TrainingResult r = engine.training().train(request(exam).withRecipe(new RecipeRef.Fitted(
                engine.recipes().fit(exam.id(), clean(), JobContext.NONE), "notebook")), JobContext.NONE);
        engine.registry().register(r.runId(), "raw-model");
        Path in = Files.writeString(tmp.resolve("raw.csv"), "x1,city,x2\n,Pune,61.5\n3.25,Lima,44\n7,,50\n");
        Path out = tmp.resolve("scored.csv");
        var summary = engine.batch().run(new dev.osprey.core.deploy.BatchRequest("raw-model", 1, in, out, false),
                JobContext.NONE);
        assertThat(summary.rowsScored()).isEqualTo(3);
        assertThat(summary.rowsRejected()).isZero();
        List<String> lines = Files.readAllLines(out);
        List<Map<String, Object>> rows = List.of(Map.of("city", "Pune", "x2", "61.5"),
                Map.of("x1", "3.25", "city", "Lima", "x2", "44"), Map.of("x1", "7", "x2", "50"));
        for (int i = 0; i < rows.size(); i++) {
            String line = lines.get(i + 1);
            double scored = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            assertThat(scored).isCloseTo(r.model().predict(rows.get(i)).value(), within(1e-9));
        }
    }

    @Test
    void recipeRefParsesNameAndVersion() {
        assertThat(RecipeRef.parse("clean:3")).isEqualTo(new RecipeRef.Saved("clean", 3));
        assertThat(RecipeRef.parse(" clean ")).isEqualTo(new RecipeRef.Saved("clean", null));
        assertThatThrownBy(() -> RecipeRef.parse("clean:0")).hasMessageContaining("count from 1");
    }

    private double mean(String col) {
        return raw.stream().map(r -> (Double) r.get(col)).filter(v -> v != null).mapToDouble(Double::doubleValue)
                .average().orElseThrow();
    }

    private double sd(String col) {
        double m = mean(col);
        double[] v = raw.stream().map(r -> (Double) r.get(col)).filter(x -> x != null).mapToDouble(Double::doubleValue).toArray();
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    private static List<Map<String, Object>> rows(dev.osprey.core.data.TablePreview p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : p.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < p.columns().size(); i++) {
                m.put(p.columns().get(i).name(), row.get(i));
            }
            out.add(m);
        }
        return out;
    }
}
