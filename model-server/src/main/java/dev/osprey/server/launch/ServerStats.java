package dev.osprey.server.launch;

import java.util.Map;

/**
 * A server's counters as scraped from {@code /metrics}: inference requests and errors (4xx/5xx)
 * since start, latency percentiles estimated from the histogram (interpolated within a bucket),
 * and requests per model.
 */
public record ServerStats(long requests, long errors, double p50Millis, double p99Millis, Map<String, Long> requestsPerModel) {
    public ServerStats {
        requestsPerModel = Map.copyOf(requestsPerModel);
    }
}
