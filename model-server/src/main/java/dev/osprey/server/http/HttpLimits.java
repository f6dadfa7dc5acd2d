package dev.osprey.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The server's guards against slow or oversized clients: the largest body (413 above it), the
 * time a started request may take to arrive (408 after it), how long an idle keep-alive
 * connection stays open, and how many connections are served at once (503 above it).
 */
public record HttpLimits(int maxBodyBytes, Duration requestTimeout, Duration idleTimeout, int maxConnections) {
    /** 6 MB bodies, as the cloud containers accept; 30 s per request; 60 s idle; 512 connections. */
    public static final HttpLimits DEFAULT = new HttpLimits(6 * 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(60), 512);

    public HttpLimits {
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(idleTimeout);
        if (maxBodyBytes < 1 || maxConnections < 1 || requestTimeout.isNegative() || requestTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP limits must be positive: " + maxBodyBytes + " bytes, "
                    + requestTimeout + ", " + idleTimeout + ", " + maxConnections + " connections");
        }
    }

    public HttpLimits withMaxBodyBytes(int bytes) {
        return new HttpLimits(bytes, requestTimeout, idleTimeout, maxConnections);
    }

    public HttpLimits withRequestTimeout(Duration timeout) {
        return new HttpLimits(maxBodyBytes, timeout, idleTimeout, maxConnections);
    }
}
