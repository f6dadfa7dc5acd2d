package dev.osprey.app.shell;

import java.nio.file.Path;
import java.util.Objects;

/** An entry of the recent-workspace list; {@code available} is false when its folder is gone. */
public record RecentWorkspace(Path path, boolean available) {
    public RecentWorkspace {
        Objects.requireNonNull(path);
    }

    public String name() {
        Path fn = path.getFileName();
        return fn == null ? path.toString() : fn.toString();
    }
}
