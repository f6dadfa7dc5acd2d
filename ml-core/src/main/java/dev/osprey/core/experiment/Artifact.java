package dev.osprey.core.experiment;

import java.util.Objects;

/** A file a run produced: {@code path} is relative to the workspace root. */
public record Artifact(String name, String path, String sha256, long sizeBytes) {
    public Artifact {
        Objects.requireNonNull(name);
        Objects.requireNonNull(path);
        Objects.requireNonNull(sha256);
    }
}
