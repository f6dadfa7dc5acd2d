package dev.osprey.server;

import dev.osprey.core.json.Json;
import dev.osprey.core.train.Prediction;
import dev.osprey.server.http.HttpHandler;
import dev.osprey.server.http.HttpRequest;
import dev.osprey.server.http.HttpResponse;
import dev.osprey.server.http.HttpStatusException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every URL of the server. Health checks ({@code /ping}, {@code /v2/health/*}) answer without
 * the bearer token so probes need no secret; everything else requires it when one is set.
 * Which model {@code /invocations} uses: the {@code X-Osprey-Model} header, else the
 * {@code ?model=} parameter, else the first model the server was started with.
 */
final class Routes implements HttpHandler {
    static final String MODEL_HEADER = "x-osprey-model";
    private static final String ENDPOINTS = "GET /ping, POST /invocations, GET /execution-parameters, GET /metrics,"
            + " /v2/health/live, /v2/health/ready, /v2/models/{name}, POST /v2/models/{name}/infer";

    private final ModelSet models;
    private final ModelLoader loader;
    private final ServerMetrics metrics;
    private final DataCapture capture;
    private final byte[] token;
    private final long timeoutNanos;
    private final int maxBodyBytes;
    private volatile boolean draining;

    Routes(ModelSet models, ModelLoader loader, ServerMetrics metrics, DataCapture capture, Optional<String> token,
           long timeoutNanos, int maxBodyBytes) {
        this.models = models;
        this.loader = loader;
        this.metrics = metrics;
        this.capture = capture;
        this.token = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.timeoutNanos = timeoutNanos;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** From now on /ping and /v2/health/ready say 503, so a load balancer stops sending requests. */
    void draining() {
        draining = true;
    }

    @Override
    public HttpResponse handle(HttpRequest r) throws HttpStatusException {
        String path = r.path();
        switch (path) {
            case "/ping" -> {
                method(r, "GET");
                return HttpResponse.empty(draining ? 503 : 200);
            }
            case "/v2/health/live" -> {
                method(r, "GET");
                return HttpResponse.json(200, "{\"live\":true}");
            }
            case "/v2/health/ready" -> {
                method(r, "GET");
                return HttpResponse.json(draining ? 503 : 200, "{\"ready\":" + !draining + "}");
            }
            default -> {
                // every other URL needs the token when one is set
            }
        }
        authorize(r);
        return switch (path) {
            case "/invocations" -> {
                method(r, "POST");
                yield invocations(r);
            }
            case "/execution-parameters" -> {
                method(r, "GET");
                yield HttpResponse.json(200, "{\"MaxConcurrentTransforms\":" + Runtime.getRuntime().availableProcessors()
                        + ",\"BatchStrategy\":\"MULTI_RECORD\",\"MaxPayloadInMB\":" + Math.max(1, maxBodyBytes / (1024 * 1024)) + "}");
            }
            case "/metrics" -> {
                method(r, "GET");
                yield HttpResponse.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheus(models::all));
            }
            case "/admin/swap" -> {
                method(r, "POST");
                yield swap(r);
            }
            case "/v2", "/v2/" -> {
                method(r, "GET");
                yield HttpResponse.json(200, "{\"name\":\"osprey-model-server\",\"version\":\"1\",\"extensions\":[]}");
            }
            default -> {
                if (path.startsWith("/v2/models/")) {
                    yield v2(r, path.substring("/v2/models/".length()));
                }
                throw new HttpStatusException(404, "No such URL: " + r.method() + " " + Cells.clip(path) + ". This server answers "
                        + ENDPOINTS + ".");
            }
        };
    }

    private void authorize(HttpRequest r) throws HttpStatusException {
        if (token == null) {
            return;
        }
        byte[] given = r.header("authorization").orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new HttpStatusException(401, "This server needs 'Authorization: Bearer <token>'"
                    + (given.length == 0 ? "." : "; the token given is not the right one."));
        }
    }

    private static void method(HttpRequest r, String expected) throws HttpStatusException {
        if (!r.method().equals(expected)) {
            throw new HttpStatusException(405, r.method() + " is not allowed on " + r.path() + "; use " + expected + ".");
        }
    }

    private HttpResponse invocations(HttpRequest r) throws HttpStatusException {
        Optional<String> named = r.header(MODEL_HEADER).or(() -> r.queryParam("model"));
        LoadedModel m = named.isPresent() ? models.get(named.get()) : models.first();
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            PredictionFormat in = PredictionFormat.ofContentType(r.contentType());
            PredictionFormat out = PredictionFormat.ofAccept(r.header("accept").orElse(null), in);
            if (r.bodyLength() == 0) {
                throw new HttpStatusException(400, "The body is empty; send at least one row of " + m.columnList() + ".");
            }
            List<Object[]> rows = switch (in) {
                case CSV -> CsvRows.parse(r.body(), r.bodyLength(), m);
                case JSON -> JsonRows.json(r.bodyText(), m);
                case JSON_LINES -> JsonRows.jsonLines(r.bodyText(), m);
            };
            List<Prediction> predictions = Scorer.score(m, rows, deadline);
            if (capture != null) {
                capture.offer(m, rows, predictions);
            }
            return HttpResponse.text(200, out.mediaType(), out.write(predictions, m)).tagged(m.name());
        } catch (HttpStatusException e) {
            return HttpResponse.error(e.status(), e.getMessage()).tagged(m.name());
        }
    }

    /** {@code NAME}, {@code NAME/ready}, {@code NAME/infer}, each also as {@code NAME/versions/V/...}. */
    private HttpResponse v2(HttpRequest r, String rest) throws HttpStatusException {
        String[] parts = rest.split("/", -1);
        String name = java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        LoadedModel m = models.get(name);
        int at = 1;
        if (parts.length >= 3 && parts[1].equals("versions")) {
            if (!parts[2].equals(Integer.toString(m.version()))) {
                throw new HttpStatusException(404, "The model '" + name + "' has no version '" + Cells.clip(parts[2])
                        + "' on this server; it serves version " + m.version() + ".");
            }
            at = 3;
        }
        String action = parts.length > at ? parts[at] : "";
        if (parts.length > at + 1) {
            throw new HttpStatusException(404, "No such URL: " + Cells.clip(r.path()) + ".");
        }
        switch (action) {
            case "" -> {
                method(r, "GET");
                return HttpResponse.json(200, OpenInference.metadata(m));
            }
            case "ready" -> {
                method(r, "GET");
                return HttpResponse.json(200, "{\"name\":" + Json.write(m.name()) + ",\"ready\":" + !draining + "}");
            }
            case "infer" -> {
                method(r, "POST");
                try {
                    String type = r.contentType();
                    if (!type.isEmpty() && !type.equals("application/json")) {
                        throw new HttpStatusException(415, "Unsupported Content-Type '" + Cells.clip(type)
                                + "'; the inference protocol takes application/json.");
                    }
                    if (r.bodyLength() == 0) {
                        throw new HttpStatusException(400, "The body is empty; send {\"inputs\": [...]}.");
                    }
                    OpenInference.InferRequest req = OpenInference.parse(r.bodyText(), m);
                    List<Prediction> predictions = Scorer.score(m, req.rows(), System.nanoTime() + timeoutNanos);
                    if (capture != null) {
                        capture.offer(m, req.rows(), predictions);
                    }
                    return HttpResponse.json(200, OpenInference.response(m, req.id(), predictions)).tagged(m.name());
                } catch (HttpStatusException e) {
                    return HttpResponse.error(e.status(), e.getMessage()).tagged(m.name());
                }
            }
            default -> throw new HttpStatusException(404, "No such URL: " + Cells.clip(r.path())
                    + "; under /v2/models/{name} there are metadata (GET), ready (GET) and infer (POST).");
        }
    }

    /** {@code {"name": ..., "version": N, "dir": "..."}}: loads the version, then installs it in one step. */
    private HttpResponse swap(HttpRequest r) throws HttpStatusException {
        Object doc;
        try {
            doc = Json.parse(r.bodyText());
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(400, "The swap request is not valid JSON: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> map) || !(map.get("name") instanceof String name) || !(map.get("version") instanceof Number v)
                || !(map.get("dir") instanceof String dir)) {
            throw new HttpStatusException(400, "A swap is {\"name\": \"MODEL\", \"version\": N, \"dir\": \"/path/models/MODEL/N\"}.");
        }
        if (!models.serves(name)) {
            models.get(name); // throws the 404 naming the served models
        }
        LoadedModel next;
        try {
            next = loader.load(name, v.intValue(), Path.of(dir));
        } catch (ModelLoader.ModelLoadException | java.nio.file.InvalidPathException e) {
            throw new HttpStatusException(422, "Cannot load " + name + ":" + v.intValue() + ": " + e.getMessage());
        }
        LoadedModel previous = models.swap(next);
        ServerLog.info("swapped " + previous + " -> " + next);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("version", next.version());
        out.put("previous", previous.version());
        return HttpResponse.json(200, Json.write(out));
    }
}
