package dev.osprey.app.endpoints;

/** One second of an endpoint's traffic: seconds since the page started watching, requests/s, latency percentiles (ms). */
public record TrafficPoint(double second, double requestsPerSecond, double p50Millis, double p99Millis) {
}
