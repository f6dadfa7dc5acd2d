package dev.osprey.app.endpoints;

import dev.osprey.core.deploy.EndpointName;
import dev.osprey.server.launch.ServerStats;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads every ready endpoint's counters once a second on its own daemon thread and posts the
 * derived traffic (requests per second from the counter's change, latency percentiles, new
 * errors) to the rows on the UI executor. The per-row counters are touched only by this thread.
 */
final class TrafficPoller implements AutoCloseable {
    private final EndpointServers servers;
    private final Executor ui;
    private final Map<EndpointName, EndpointRow> watched = new ConcurrentHashMap<>();
    private final long start = System.nanoTime();
    private ScheduledExecutorService timer;

    TrafficPoller(EndpointServers servers, Executor ui) {
        this.servers = servers;
        this.ui = ui;
    }

    synchronized void watch(EndpointRow row) {
        row.lastRequests = -1;
        row.lastErrors = -1;
        watched.put(row.name(), row);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "osprey-endpoint-stats");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::pollAll, 1, 1, TimeUnit.SECONDS);
        }
    }

    void unwatch(EndpointName name) {
        watched.remove(name);
    }

    void unwatchAll() {
        watched.clear();
    }

    /** One poll of every watched endpoint (the timer's work; tests call it directly). */
    void pollAll() {
        for (EndpointRow row : watched.values()) {
            try {
                poll(row);
            } catch (Exception e) {
                // a server that stops answering is reported by its exit, not by the poller
            }
        }
    }

    private void poll(EndpointRow row) throws Exception {
        Optional<ServerStats> stats = servers.stats(row.name());
        if (stats.isEmpty()) {
            return;
        }
        ServerStats s = stats.get();
        long now = System.nanoTime();
        double rps = 0;
        if (row.lastRequests >= 0) {
            double seconds = Math.max(1e-3, (now - row.lastPollNanos) / 1e9);
            rps = Math.max(0, s.requests() - row.lastRequests) / seconds;
        }
        long newErrors = row.lastErrors < 0 ? 0 : Math.max(0, s.errors() - row.lastErrors);
        boolean first = row.lastRequests < 0;
        row.lastRequests = s.requests();
        row.lastErrors = s.errors();
        row.lastPollNanos = now;
        TrafficPoint point = new TrafficPoint((now - start) / 1e9, rps, finite(s.p50Millis()), finite(s.p99Millis()));
        String line = String.format(Locale.ROOT, "%,.1f req/s \u00b7 p50 %.2f ms \u00b7 p99 %.2f ms \u00b7 %,d requests, %,d errors",
                rps, point.p50Millis(), point.p99Millis(), s.requests(), s.errors());
        ui.execute(() -> {
            if (watched.get(row.name()) != row) {
                return;
            }
            if (!first) {
                row.addTraffic(point);
            }
            row.setStats(line);
            if (newErrors > 0) {
                row.addError(newErrors + (newErrors == 1 ? " request" : " requests") + " answered with an error (4xx/5xx)");
            }
        });
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    @Override
    public synchronized void close() {
        watched.clear();
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
