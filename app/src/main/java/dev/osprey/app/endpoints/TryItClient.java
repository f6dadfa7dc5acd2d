package dev.osprey.app.endpoints;

import dev.osprey.core.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls a live endpoint over HTTP the way a user's client would: {@code POST /invocations} with
 * {@code {"instances": [{column: value, ...}]}}. Blocking; the view model runs it off the UI thread.
 */
final class TryItClient {
    /** The server's answer: HTTP status, the body, and the first prediction when there is one. */
    record Answer(int status, String body, Optional<Object> prediction, long millis) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Answer invoke(String baseUrl, Map<String, Object> row, Optional<String> token) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instances", List.of(row));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl).resolve("/invocations"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
        long t0 = System.nanoTime();
        HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Answer(resp.statusCode(), resp.body(), firstPrediction(resp.body()), millis);
    }

    static Optional<Object> firstPrediction(String body) {
        try {
            if (Json.parse(body) instanceof Map<?, ?> m && m.get("predictions") instanceof List<?> l && !l.isEmpty()) {
                return Optional.ofNullable(l.getFirst());
            }
        } catch (RuntimeException notJson) {
            // shown as the raw body
        }
        return Optional.empty();
    }

    /** A prediction as one line: a number, a class label with its probability, or the JSON. */
    static String headline(Object prediction) {
        return switch (prediction) {
            case Number n -> String.format(java.util.Locale.ROOT, "%,.2f", n.doubleValue());
            case Map<?, ?> m when m.containsKey("label") -> String.valueOf(m.get("label"))
                    + (m.get("probability") instanceof Number p ? String.format(java.util.Locale.ROOT, " (%.1f%%)", 100 * p.doubleValue()) : "");
            case Map<?, ?> m when m.get("prediction") != null -> headline(m.get("prediction"));
            case Map<?, ?> m when m.get("value") instanceof Number v -> headline(v);
            case null -> "null";
            default -> Json.write(prediction);
        };
    }
}
