package dev.osprey.app.cli;

import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegistryException;

import java.util.List;
import java.util.Optional;

/**
 * A model named on the command line: {@code NAME} (the latest version), {@code NAME:VERSION} or
 * {@code NAME@ALIAS}. Parsing is a usage matter (exit 2); resolving against the registry can fail
 * like any lookup (exit 1).
 */
record ModelRef(String name, Optional<Integer> version, Optional<String> alias) {
    static ModelRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Name a model as NAME, NAME:VERSION or NAME@ALIAS.");
        }
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        int at = t.lastIndexOf('@');
        if (colon > 0 && at > 0) {
            throw new IllegalArgumentException("'" + t + "' has both a version and an alias; use NAME:VERSION or NAME@ALIAS.");
        }
        if (colon > 0) {
            String v = t.substring(colon + 1);
            try {
                int version = Integer.parseInt(v);
                if (version < 1) {
                    throw new NumberFormatException();
                }
                return new ModelRef(t.substring(0, colon), Optional.of(version), Optional.empty());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The version in '" + t + "' must be a whole number from 1, not '" + v
                        + "' (for an alias write NAME@ALIAS).");
            }
        }
        if (at > 0) {
            String alias = t.substring(at + 1);
            if (alias.isBlank()) {
                throw new IllegalArgumentException("'" + t + "' names no alias after '@'.");
            }
            return new ModelRef(t.substring(0, at), Optional.empty(), Optional.of(alias));
        }
        if (colon == 0 || at == 0) {
            throw new IllegalArgumentException("'" + t + "' names no model before '" + t.charAt(0) + "'.");
        }
        return new ModelRef(t, Optional.empty(), Optional.empty());
    }

    /** The same model, but a version must be given explicitly ({@code NAME:VERSION}). */
    static ModelRef parseExact(String text) {
        ModelRef ref = parse(text);
        if (ref.version().isEmpty()) {
            throw new IllegalArgumentException("Name one version as NAME:VERSION, e.g. " + ref.name() + ":1.");
        }
        return ref;
    }

    ModelVersion resolve(ModelRegistry registry) throws RegistryException {
        if (version.isPresent()) {
            return registry.version(name, version.get());
        }
        if (alias.isPresent()) {
            return registry.resolve(name, alias.get());
        }
        List<ModelVersion> versions = registry.versions(name);
        return versions.getFirst();
    }

    @Override
    public String toString() {
        return name + version.map(v -> ":" + v).orElse("") + alias.map(a -> "@" + a).orElse("");
    }
}
