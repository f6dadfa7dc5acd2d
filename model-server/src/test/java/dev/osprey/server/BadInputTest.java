package dev.osprey.server;

import dev.osprey.core.json.Json;
import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServerLauncher;
import dev.osprey.server.launch.ServerSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad requests to a real server process: each gets its 4xx and a JSON error naming the problem, and the server keeps serving. */
class BadInputTest {
    @TempDir
    static Path tmp;
    static TrainedWorkspace ws;
    static RunningServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        ws = new TrainedWorkspace(tmp);
        server = ServerLauncher.start(ServerSpec.builder(ws.root).model(ws.examV1).model(ws.passes).port(0).build());
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(10));
        }
        if (ws != null) {
            ws.close();
        }
    }

    private static final String CSV = "text/csv";
    private static final String JSON = "application/json";

    /** method, path, content type (null: none), body, header name/value (or nulls), status, message fragment. */
    static Stream<Arguments> table() {
        String v2 = "v2/models/exam-score/infer";
        return Stream.of(
                arguments("POST", "invocations", CSV, "4,1", null, null, 400, "Row 1 has 2 values; the model exam-score:1 expects 3 (years_it_experience, years_aws_experience, hours_of_study)"),
                arguments("POST", "invocations", CSV, "4,1,15\n4,1,15,9", null, null, 400, "Row 2 has 4 values"),
                arguments("POST", "invocations", CSV, "4,one,15", null, null, 400, "Row 1, column 'years_aws_experience' expects a number, not 'one'"),
                arguments("POST", "invocations", CSV, "4,NaN,15", null, null, 400, "column 'years_aws_experience' is 'NaN', not a finite number"),
                arguments("POST", "invocations", CSV, "4,1,Infinity", null, null, 400, "column 'hours_of_study' is 'Infinity', not a finite number"),
                arguments("POST", "invocations", CSV, "4,1,\"15", null, null, 400, "A quoted CSV value is not closed"),
                arguments("POST", "invocations", CSV, "", null, null, 400, "The body is empty"),
                arguments("POST", "invocations", CSV, "\n\n", null, null, 400, "The body holds no rows"),
                arguments("POST", "invocations", JSON, "{\"instances\": [[4, 1, 15]", null, null, 400, "The JSON body is not valid JSON"),
                arguments("POST", "invocations", JSON, "[[4, true, 15]]", null, null, 400, "Row 1, column 'years_aws_experience' expects a number, not 'true'"),
                arguments("POST", "invocations", JSON, "[{\"hours\": 15}]", null, null, 400, "Row 1 has an unknown column 'hours'"),
                arguments("POST", "invocations", JSON, "[[4, [1], 15]]", null, null, 400, "column 'years_aws_experience' holds an array"),
                arguments("POST", "invocations", JSON, "42", null, null, 400, "The JSON body is a single value"),
                arguments("POST", "invocations", JSON, "{\"instances\": 3}", null, null, 400, "\"instances\" must be an array"),
                arguments("POST", "invocations", "application/jsonlines", "[4, 1, 15]\n[4, 1", null, null, 400, "Line 2 is not valid JSON"),
                arguments("POST", "invocations", CSV, "4,1,15", "X-Osprey-Model", "nope", 404, "There is no model 'nope' on this server; it serves exam-score, passes"),
                arguments("POST", "invocations?model=nope", CSV, "4,1,15", null, null, 404, "There is no model 'nope'"),
                arguments("POST", "invocations", CSV, "abc,art", "X-Osprey-Model", "passes", 400, "column 'hours' expects a number, not 'abc'"),
                arguments("POST", "invocations", "text/plain", "4,1,15", null, null, 415, "Unsupported Content-Type 'text/plain'"),
                arguments("POST", "invocations", null, "4,1,15", null, null, 415, "The request has no Content-Type"),
                arguments("POST", "invocations", CSV, "4,1,15", "Accept", "text/html", 406, "Cannot answer in 'text/html'"),
                arguments("GET", "invocations", null, null, null, null, 405, "GET is not allowed on /invocations; use POST"),
                arguments("GET", "predict", null, null, null, null, 404, "No such URL: GET /predict"),
                arguments("GET", "v2/models/nope", null, null, null, null, 404, "There is no model 'nope'"),
                arguments("POST", "v2/models/exam-score/versions/7/infer", JSON, "{}", null, null, 404, "has no version '7' on this server; it serves version 1"),
                arguments("POST", v2, JSON, "{\"inputs\": [{\"name\": \"years_it_experience\", \"data\": [4]}, {\"name\": \"years_aws_experience\", \"data\": [1]}]}",
                        null, null, 400, "The input 'hours_of_study' is missing"),
                arguments("POST", v2, JSON, "{\"inputs\": [{\"name\": \"years_it_experience\", \"data\": [4, 5]}, {\"name\": \"years_aws_experience\", \"data\": [1]},"
                        + " {\"name\": \"hours_of_study\", \"data\": [15, 15]}]}", null, null, 400, "has 1 values but"),
                arguments("POST", v2, JSON, "{\"rows\": []}", null, null, 400, "An inference request is {\"inputs\""),
                arguments("POST", v2, "text/csv", "4,1,15", null, null, 415, "the inference protocol takes application/json"),
                arguments("POST", "admin/swap", JSON, "{\"name\": \"nope\", \"version\": 2, \"dir\": \"/tmp\"}", null, null, 404, "There is no model 'nope'"),
                arguments("POST", "admin/swap", JSON, "{\"name\": \"exam-score\", \"version\": 2, \"dir\": \"/etc\"}", null, null, 422, "is not inside the workspace's models folder"),
                arguments("POST", "admin/swap", JSON, "{\"name\": \"exam-score\"}", null, null, 400, "A swap is {\"name\""));
    }

    @ParameterizedTest(name = "{0} /{1} {2} -> {6}")
    @MethodSource("table")
    void eachBadRequestGetsItsStatusAndAMessageNamingTheProblem(String method, String path, String type, String body, String header,
                                                                 String value, int status, String message) throws Exception {
        String[] headers = header == null ? new String[0] : new String[]{header, value};
        HttpResponse<String> r = method.equals("GET") ? http.get(path, headers) : http.post(path, type, body, headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).contains("application/json");
        Object error = ((Map<?, ?>) Json.parse(r.body())).get("error");
        assertThat((String) error).contains(message);
        assertThat(http.post("invocations", CSV, "4,1,15").statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[7 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '1');
        HttpResponse<String> r = http.post("invocations", CSV, HttpRequest.BodyPublishers.ofByteArray(big));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("the limit is 6291456 bytes");
        assertThat(http.post("invocations", CSV, "4,1,15").statusCode()).isEqualTo(200);
    }

    @Test
    void noBadRequestCountedAsA5xx() throws Exception {
        HttpResponse<String> metrics = http.get("metrics");
        assertThat(metrics.body()).doesNotContainPattern("osprey_http_responses_total\\{code=\"5\\d\\d\"}");
    }
}
