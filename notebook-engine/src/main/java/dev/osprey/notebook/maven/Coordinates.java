package dev.osprey.notebook.maven;

import java.util.Objects;

/**
 * A Maven artifact: {@code group:artifact:version}, or with a packaging and a classifier,
 * {@code group:artifact:packaging[:classifier]:version}.
 */
public record Coordinates(String groupId, String artifactId, String version, String classifier) {
    public Coordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        classifier = classifier == null ? "" : classifier;
        if (groupId.isBlank() || artifactId.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("Maven coordinates need a group, an artifact and a version: group:artifact:version");
        }
        for (String part : new String[] {groupId, artifactId, version, classifier}) {
            if (part.contains("/") || part.contains("\\") || part.contains("..")) {
                throw new IllegalArgumentException("not a Maven coordinate part: '" + part + "'");
            }
        }
    }

    public static Coordinates parse(String text) {
        String[] p = text.strip().split(":");
        return switch (p.length) {
            case 3 -> new Coordinates(p[0], p[1], p[2], "");
            case 4 -> new Coordinates(p[0], p[1], p[3], "");
            case 5 -> new Coordinates(p[0], p[1], p[4], p[3]);
            default -> throw new IllegalArgumentException("'" + text + "' is not group:artifact:version");
        };
    }

    /** {@code group:artifact}: what "nearest wins" compares. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    String directory() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/";
    }

    String fileName(String extension) {
        return artifactId + "-" + version + (classifier.isEmpty() || extension.equals("pom") ? "" : "-" + classifier) + "." + extension;
    }

    Coordinates pom() {
        return new Coordinates(groupId, artifactId, version, "");
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":jar:" + classifier) + ":" + version;
    }
}
