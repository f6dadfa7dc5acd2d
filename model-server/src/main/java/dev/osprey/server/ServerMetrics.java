package dev.osprey.server;

import dev.osprey.server.http.HttpObserver;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Request counters and latency histograms, per model, in the Prometheus text format. Counting is
 * a few uncontended {@link LongAdder} increments per request; the text is built only on scrape.
 * Latency is from the first byte of the request to the last byte of the response.
 */
final class ServerMetrics implements HttpObserver {
    /** Upper bounds in seconds; a local model answers in well under a millisecond, so the low end is fine-grained. */
    static final double[] BUCKETS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, PerModel> models = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder captureDropped = new LongAdder();
    private final LongAdder captured = new LongAdder();

    private static final class PerModel {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];

        PerModel() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    @Override
    public void completed(String tag, int status, long nanos) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (tag.isEmpty()) {
            return;
        }
        PerModel m = models.computeIfAbsent(tag, t -> new PerModel());
        m.requests.increment();
        if (status >= 400) {
            m.errors.increment();
        }
        m.nanos.add(nanos);
        double seconds = nanos / 1e9;
        int b = 0;
        while (b < BUCKETS.length && seconds > BUCKETS[b]) {
            b++;
        }
        m.buckets[b].increment();
    }

    void captured() {
        captured.increment();
    }

    void captureDropped() {
        captureDropped.increment();
    }

    /** The Prometheus exposition text; {@code versions} gives each served model's current version. */
    String prometheus(Supplier<List<LoadedModel>> versions) {
        StringBuilder sb = new StringBuilder(2048);
        Map<String, PerModel> sorted = new TreeMap<>(models);
        for (LoadedModel m : versions.get()) {
            sorted.computeIfAbsent(m.name(), n -> models.computeIfAbsent(n, k -> new PerModel()));
        }
        sb.append("# HELP osprey_model_version The version each served model answers with.\n# TYPE osprey_model_version gauge\n");
        for (LoadedModel m : versions.get()) {
            sb.append("osprey_model_version{model=\"").append(escape(m.name())).append("\"} ").append(m.version()).append('\n');
        }
        sb.append("# HELP osprey_requests_total Inference requests answered, by model.\n# TYPE osprey_requests_total counter\n");
        sorted.forEach((name, m) -> line(sb, "osprey_requests_total", name, null, m.requests.sum()));
        sb.append("# HELP osprey_request_errors_total Inference requests answered with a 4xx or 5xx status, by model.\n"
                + "# TYPE osprey_request_errors_total counter\n");
        sorted.forEach((name, m) -> line(sb, "osprey_request_errors_total", name, null, m.errors.sum()));
        sb.append("# HELP osprey_request_duration_seconds Time from a request's first byte to its response's last.\n"
                + "# TYPE osprey_request_duration_seconds histogram\n");
        sorted.forEach((name, m) -> {
            long cumulative = 0;
            for (int b = 0; b < BUCKETS.length; b++) {
                cumulative += m.buckets[b].sum();
                line(sb, "osprey_request_duration_seconds_bucket", name, format(BUCKETS[b]), cumulative);
            }
            cumulative += m.buckets[BUCKETS.length].sum();
            line(sb, "osprey_request_duration_seconds_bucket", name, "+Inf", cumulative);
            sb.append("osprey_request_duration_seconds_sum{model=\"").append(escape(name)).append("\"} ")
                    .append(format(m.nanos.sum() / 1e9)).append('\n');
            line(sb, "osprey_request_duration_seconds_count", name, null, cumulative);
        });
        sb.append("# HELP osprey_http_responses_total Every HTTP response, by status code.\n# TYPE osprey_http_responses_total counter\n");
        new TreeMap<>(byStatus).forEach((code, n) -> sb.append("osprey_http_responses_total{code=\"").append(code).append("\"} ")
                .append(n.sum()).append('\n'));
        sb.append("# HELP osprey_capture_rows_total Rows written to data capture.\n# TYPE osprey_capture_rows_total counter\n")
                .append("osprey_capture_rows_total ").append(captured.sum()).append('\n');
        sb.append("# HELP osprey_capture_dropped_total Captured requests dropped because the writer fell behind.\n"
                + "# TYPE osprey_capture_dropped_total counter\n")
                .append("osprey_capture_dropped_total ").append(captureDropped.sum()).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, String metric, String model, String le, long value) {
        sb.append(metric).append("{model=\"").append(escape(model)).append('"');
        if (le != null) {
            sb.append(",le=\"").append(le).append('"');
        }
        sb.append("} ").append(value).append('\n');
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
