package dev.osprey.core.registry;

import dev.osprey.core.experiment.RunId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered version of a model. {@code folder} is relative to the workspace root
 * ({@code models/NAME/VERSION}); it holds {@code model.bin} (SHA-256 {@code sha256}) and {@code model.json}.
 */
public record ModelVersion(String name, int version, Optional<RunId> run, ApprovalStatus status, String folder,
                           String sha256, Instant createdAt, List<String> aliases) {
    public ModelVersion {
        Objects.requireNonNull(name);
        Objects.requireNonNull(run);
        Objects.requireNonNull(status);
        Objects.requireNonNull(folder);
        Objects.requireNonNull(sha256);
        aliases = List.copyOf(aliases);
    }

    public String modelFile() {
        return folder + "/" + ModelRegistry.MODEL_FILE;
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
