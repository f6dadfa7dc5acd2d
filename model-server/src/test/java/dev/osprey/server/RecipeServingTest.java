package dev.osprey.server;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.json.Json;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import dev.osprey.core.wrangle.Recipe;
import dev.osprey.core.wrangle.Step;
import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServedModel;
import dev.osprey.server.launch.ServerLauncher;
import dev.osprey.server.launch.ServerSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server process scoring raw rows with a model trained through a wrangling recipe (fill
 * missing, one-hot, standardize): the server applies the recipe's fitted row-wise transform first,
 * so a raw CSV row with an empty cell and a category string scores as the model does in-process.
 */
class RecipeServingTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static TrainedModel model;
    static RunningServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        Random r = new Random(5);
        StringBuilder csv = new StringBuilder("x1,city,x2,y\n");
        String[] cities = {"Oslo", "Lima", "Pune"};
        for (int i = 0; i < 300; i++) {
            int c = r.nextInt(3);
            double x1 = Math.round(1000 * r.nextDouble()) / 100.0;
            double x2 = Math.round(100 * (50 + 10 * r.nextGaussian())) / 100.0;
            double y = 2 * x1 + 4 * (1 - c) + 0.3 * x2 + r.nextGaussian();
            csv.append(i % 7 == 0 ? "" : x1).append(',').append(i % 11 == 0 ? "" : cities[c]).append(',').append(x2)
                    .append(',').append(Math.round(100 * y) / 100.0).append('\n');
        }
        Dataset exam = engine.datasets().importFile(ImportRequest.of(Files.writeString(tmp.resolve("exam.csv"), csv)), null);
        engine.recipes().saveAs("clean", exam.id(), Recipe.of(new Step.FillMissing("x1", Step.FillMethod.MEAN, null),
                new Step.FillMissing("city", Step.FillMethod.MODE, null), new Step.OneHotEncode("city", true),
                new Step.Standardize("x2")), "exam_clean", JobContext.NONE);
        TrainingResult t = engine.training().train(TrainingRequest.of(exam.id(), "y", "xgboost")
                .withOptions(Map.of("rounds", "30", "max_depth", "3")).withRecipe("clean", null), JobContext.NONE);
        model = t.model();
        ModelVersion v = engine.registry().register(t.runId(), "exam-raw");
        server = ServerLauncher.start(ServerSpec.builder(engine.workspace().root()).model(ServedModel.of(engine.registry(), v))
                .port(0).build());
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.stop(java.time.Duration.ofSeconds(10));
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void rawCsvRowsScoreAsInProcess() throws Exception {
        HttpResponse<String> r = http.post("invocations", "text/csv", ",Pune,61.5\n3.25,Lima,44\n7,,50\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Double> got = r.body().lines().map(s -> Double.parseDouble(s.strip())).toList();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("city", "Pune");
        a.put("x2", 61.5);
        assertThat(got).hasSize(3);
        assertThat(got.get(0)).isCloseTo(model.predict(a).value(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got.get(1)).isCloseTo(model.predict(Map.of("x1", 3.25, "city", "Lima", "x2", 44.0)).value(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(got.get(2)).isCloseTo(model.predict(Map.of("x1", 7.0, "x2", 50.0)).value(),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @SuppressWarnings("unchecked")
    void metadataShowsTheRawColumnsAndJsonObjectsScore() throws Exception {
        Map<String, Object> meta = (Map<String, Object>) Json.parse(http.get("v2/models/exam-raw").body());
        List<Map<String, Object>> inputs = (List<Map<String, Object>>) meta.get("inputs");
        assertThat(inputs).extracting(m -> m.get("name")).containsExactly("x1", "city", "x2");

        HttpResponse<String> r = http.post("invocations", "application/json",
                "{\"instances\": [{\"city\": \"Oslo\", \"x2\": 52}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        double p = ((Number) ((List<Object>) ((Map<String, Object>) Json.parse(r.body())).get("predictions")).get(0)).doubleValue();
        assertThat(p).isCloseTo(model.predict(Map.of("city", "Oslo", "x2", 52.0)).value(), org.assertj.core.data.Offset.offset(1e-9));

        HttpResponse<String> bad = http.post("invocations", "text/csv", "abc,Pune,3\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("x1");
    }
}
