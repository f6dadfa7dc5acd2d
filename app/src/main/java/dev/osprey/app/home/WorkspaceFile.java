package dev.osprey.app.home;

import java.nio.file.Path;
import java.util.Objects;

/** A notebook or model the Home page lists: its name, where it is, and a short detail line. */
public record WorkspaceFile(String name, Path path, String detail) {
    public WorkspaceFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(path);
        detail = detail == null ? "" : detail;
    }
}
