package dev.osprey.server;

import dev.osprey.core.json.Json;
import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServerLauncher;
import dev.osprey.server.launch.ServerSpec;
import dev.osprey.server.launch.ServerStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real server process (exam-score v1 first, then the "passes" classifier, capture on) on a
 * random loopback port, called with the JDK HttpClient in every format it speaks.
 */
class ModelServerTest {
    @TempDir
    static Path tmp;
    static TrainedWorkspace ws;
    static RunningServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        ws = new TrainedWorkspace(tmp);
        server = ServerLauncher.start(ServerSpec.builder(ws.root).model(ws.examV1).model(ws.passes).port(0).capture(100)
                .endpointName("exams").build());
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
        if (ws != null) {
            ws.close();
        }
    }

    private static double number(String s) {
        return Double.parseDouble(s.strip());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> predictions(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (List<Object>) ((Map<String, Object>) Json.parse(r.body())).get("predictions");
    }

    @Test
    void pingAnswers200WithAnEmptyBody() throws Exception {
        HttpResponse<String> r = http.get("ping");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(http.get("v2/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get("v2/health/ready").body()).isEqualTo("{\"ready\":true}");
        assertThat(server.isAlive()).isTrue();
        assertThat(server.logFile()).exists();
    }

    @Test
    void csvRowScoresTheExamAtAbout890() throws Exception {
        HttpResponse<String> r = http.post("invocations", "text/csv", "4,1,15");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("text/csv");
        assertThat(number(r.body())).isBetween(860.0, 920.0);

        HttpResponse<String> rows = http.post("invocations", "text/csv", "4,1,15\r\n0,0,0\n\n10,5,40\n", "Accept", "application/json");
        List<Object> p = predictions(rows);
        assertThat(p).hasSize(3);
        assertThat(((Number) p.get(0)).doubleValue()).isBetween(860.0, 920.0);
        assertThat(((Number) p.get(2)).doubleValue()).isGreaterThan(((Number) p.get(1)).doubleValue());

        HttpResponse<String> withHeader = http.post("invocations", "text/csv; charset=utf-8",
                "years_it_experience,years_aws_experience,hours_of_study\n4,1,15\n");
        assertThat(withHeader.body().lines().toList()).hasSize(1);
    }

    @Test
    void jsonInstancesAsArraysOrObjectsAndJsonLines() throws Exception {
        List<Object> arrays = predictions(http.post("invocations", "application/json", "{\"instances\": [[4, 1, 15], [4, 1, 15]]}"));
        assertThat(arrays).hasSize(2);
        assertThat(((Number) arrays.getFirst()).doubleValue()).isBetween(860.0, 920.0);

        List<Object> objects = predictions(http.post("invocations", "application/json",
                "[{\"years_it_experience\": 4, \"years_aws_experience\": 1, \"hours_of_study\": 15}]"));
        assertThat(((Number) objects.getFirst()).doubleValue()).isEqualTo(((Number) arrays.getFirst()).doubleValue());

        HttpResponse<String> lines = http.post("invocations", "application/jsonlines",
                "[4, 1, 15]\n{\"years_it_experience\": 4, \"years_aws_experience\": 1, \"hours_of_study\": 15}\n");
        assertThat(lines.statusCode()).as(lines.body()).isEqualTo(200);
        assertThat(lines.headers().firstValue("content-type")).contains("application/jsonlines");
        List<String> out = lines.body().lines().toList();
        assertThat(out).hasSize(2);
        assertThat(number(out.get(0))).isEqualTo(number(out.get(1))).isBetween(860.0, 920.0);

        HttpResponse<String> csvOut = http.post("invocations", "application/json", "{\"instances\": [[4, 1, 15]]}", "Accept", "text/csv");
        assertThat(number(csvOut.body())).isBetween(860.0, 920.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClassifierGivesTheLabelAndEveryProbability() throws Exception {
        List<Object> p = predictions(http.post("invocations", "application/json", "[[9.5, \"art\"], [0.5, \"math\"]]",
                "X-Osprey-Model", "passes"));
        Map<String, Object> first = (Map<String, Object>) p.get(0);
        assertThat(first.get("label")).isEqualTo("pass");
        assertThat(((Map<String, Object>) first.get("probabilities")).keySet()).containsExactlyInAnyOrder("pass", "fail");
        assertThat(((Number) first.get("probability")).doubleValue()).isGreaterThan(0.5);
        assertThat(((Map<String, Object>) p.get(1)).get("label")).isEqualTo("fail");

        HttpResponse<String> csv = http.post("invocations?model=passes", "text/csv", "9.5,art\n", "Accept", "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).matches("pass,[0-9.Ee-]+,[0-9.Ee-]+\\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openInferenceProtocolMetadataAndInfer() throws Exception {
        HttpResponse<String> meta = http.get("v2/models/exam-score");
        assertThat(meta.statusCode()).isEqualTo(200);
        Map<String, Object> m = (Map<String, Object>) Json.parse(meta.body());
        assertThat(m.get("name")).isEqualTo("exam-score");
        assertThat(m.get("versions")).isEqualTo(List.of("1"));
        assertThat(((List<Map<String, Object>>) m.get("inputs")).stream().map(i -> i.get("name")))
                .containsExactly("years_it_experience", "years_aws_experience", "hours_of_study");
        assertThat(((List<Map<String, Object>>) m.get("outputs")).getFirst().get("name")).isEqualTo("exam_score");

        String columnar = "{\"id\": \"r1\", \"inputs\": ["
                + "{\"name\": \"years_it_experience\", \"shape\": [2], \"datatype\": \"INT64\", \"data\": [4, 4]},"
                + "{\"name\": \"years_aws_experience\", \"shape\": [2], \"datatype\": \"INT64\", \"data\": [1, 1]},"
                + "{\"name\": \"hours_of_study\", \"shape\": [2, 1], \"datatype\": \"FP64\", \"data\": [[15], [15]]}]}";
        HttpResponse<String> infer = http.post("v2/models/exam-score/infer", "application/json", columnar);
        assertThat(infer.statusCode()).as(infer.body()).isEqualTo(200);
        Map<String, Object> out = (Map<String, Object>) Json.parse(infer.body());
        assertThat(out.get("model_name")).isEqualTo("exam-score");
        assertThat(out.get("model_version")).isEqualTo("1");
        assertThat(out.get("id")).isEqualTo("r1");
        Map<String, Object> tensor = ((List<Map<String, Object>>) out.get("outputs")).getFirst();
        assertThat(tensor.get("shape")).isEqualTo(List.of(2L));
        assertThat(((Number) ((List<Object>) tensor.get("data")).getFirst()).doubleValue()).isBetween(860.0, 920.0);

        String matrix = "{\"inputs\": [{\"name\": \"input-0\", \"shape\": [1, 3], \"datatype\": \"FP64\", \"data\": [[4, 1, 15]]}]}";
        HttpResponse<String> byVersion = http.post("v2/models/exam-score/versions/1/infer", "application/json", matrix);
        assertThat(byVersion.statusCode()).as(byVersion.body()).isEqualTo(200);

        HttpResponse<String> cls = http.post("v2/models/passes/infer", null,
                "{\"inputs\": [{\"name\": \"hours\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [9.5]},"
                        + "{\"name\": \"course\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\"art\"]}]}");
        assertThat(cls.statusCode()).as(cls.body()).isEqualTo(200);
        List<Map<String, Object>> outs = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(cls.body())).get("outputs");
        assertThat(outs.get(0).get("data")).isEqualTo(List.of("pass"));
        assertThat(outs.get(1).get("name")).isEqualTo("probabilities");
        assertThat(outs.get(1).get("shape")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void metricsCountRequestsErrorsAndLatencyPerModel() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("invocations", "text/csv", "4,1,15").statusCode()).isEqualTo(200);
        }
        assertThat(http.post("invocations", "text/csv", "4,1").statusCode()).isEqualTo(400);
        HttpResponse<String> metrics = http.get("metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE osprey_requests_total counter")
                .containsPattern("osprey_requests_total\\{model=\"exam-score\"} \\d+")
                .containsPattern("osprey_request_errors_total\\{model=\"exam-score\"} [1-9]\\d*")
                .contains("osprey_request_duration_seconds_bucket{model=\"exam-score\",le=\"+Inf\"}")
                .contains("osprey_model_version{model=\"exam-score\"} 1");
        ServerStats stats = server.stats();
        assertThat(stats.requests()).isGreaterThanOrEqualTo(6);
        assertThat(stats.errors()).isGreaterThanOrEqualTo(1);
        assertThat(stats.requestsPerModel()).containsKey("exam-score");
        assertThat(stats.p99Millis()).isGreaterThanOrEqualTo(stats.p50Millis()).isGreaterThan(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void captureWritesRequestAndResponseRowsAsJsonLines() throws Exception {
        assertThat(http.post("invocations", "text/csv", "7,2,33").statusCode()).isEqualTo(200);
        Path dir = ws.root.resolve("captures").resolve("exams");
        Map<String, Object> line = null;
        for (int i = 0; i < 200 && line == null; i++) {
            Thread.sleep(25);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        for (String l : Files.readAllLines(f)) {
                            Map<String, Object> m = (Map<String, Object>) Json.parse(l);
                            if (((Map<String, Object>) m.get("input")).get("hours_of_study").equals(33L)) {
                                line = m;
                            }
                        }
                    }
                }
            }
        }
        assertThat(line).as("a captured line for hours_of_study 33").isNotNull();
        assertThat(line.get("model")).isEqualTo("exam-score");
        assertThat(line.get("version")).isEqualTo(1L);
        assertThat(line.get("endpoint")).isEqualTo("exams");
        assertThat((String) line.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(line.get("input")).isEqualTo(Map.of("years_it_experience", 7L, "years_aws_experience", 2L, "hours_of_study", 33L));
        assertThat(((Number) line.get("output")).doubleValue()).isGreaterThan(100);
    }

    @Test
    void executionParametersForBatchClients() throws Exception {
        HttpResponse<String> r = http.get("execution-parameters");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"BatchStrategy\":\"MULTI_RECORD\"").contains("\"MaxPayloadInMB\":6");
    }
}
