package dev.osprey.core.deploy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored endpoint: its configuration, its state and, for a failed one, why. */
public record EndpointRecord(EndpointConfig config, EndpointState state, Optional<String> message, Instant createdAt,
                             Instant updatedAt) {
    public EndpointRecord {
        Objects.requireNonNull(config);
        Objects.requireNonNull(state);
        Objects.requireNonNull(message);
    }

    public EndpointName name() {
        return config.name();
    }
}
