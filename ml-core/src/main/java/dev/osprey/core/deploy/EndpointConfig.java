package dev.osprey.core.deploy;

import java.util.Objects;

/**
 * How an endpoint serves: which model version, on which port ({@code 0} any free port, {@code -1}
 * 8080 when free), whether it captures requests and what percentage of them, and whether it
 * requires a bearer token (the token itself is kept apart, see {@link EndpointStore#token}).
 */
public record EndpointConfig(EndpointName name, String model, int version, int port, boolean capture, int samplePercent,
                             boolean hasToken) {
    public EndpointConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(model);
        if (version < 1) {
            throw new IllegalArgumentException("A model version is a number from 1, not " + version + ".");
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("A port is between 1 and 65535 (0 for any free port), not " + port + ".");
        }
        if (samplePercent < 0 || samplePercent > 100) {
            throw new IllegalArgumentException("The capture sample is a percentage from 0 to 100, not " + samplePercent + ".");
        }
    }

    public EndpointConfig withVersion(int v) {
        return new EndpointConfig(name, model, v, port, capture, samplePercent, hasToken);
    }

    public EndpointConfig withPort(int p) {
        return new EndpointConfig(name, model, version, p, capture, samplePercent, hasToken);
    }
}
