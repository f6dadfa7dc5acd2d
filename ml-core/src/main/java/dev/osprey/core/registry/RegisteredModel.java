package dev.osprey.core.registry;

import java.time.Instant;
import java.util.Map;

/** A named model with its number of versions and its aliases (alias to version). */
public record RegisteredModel(String name, Instant createdAt, int latestVersion, Map<String, Integer> aliases) {
    public RegisteredModel {
        aliases = Map.copyOf(aliases);
    }
}
