package dev.osprey.server.launch;

import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model version to serve: its name and version and its folder {@code models/NAME/VERSION/}
 * (absolute). The launcher resolves it in the process that holds the workspace; the server
 * process only reads that folder.
 */
public record ServedModel(String name, int version, Path dir) {
    public ServedModel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A served model needs a name.");
        }
        if (version < 1) {
            throw new IllegalArgumentException("A model version starts at 1, not " + version + ".");
        }
        dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    /** The folder the registry keeps {@code version} in. */
    public static ServedModel of(ModelRegistry registry, ModelVersion version) {
        return new ServedModel(version.name(), version.version(), registry.folderOf(version));
    }

    @Override
    public String toString() {
        return name + ":" + version;
    }
}
