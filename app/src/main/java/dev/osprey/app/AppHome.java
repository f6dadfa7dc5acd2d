package dev.osprey.app;

import java.nio.file.Path;

/**
 * Osprey's per-user folder: settings, the recent-workspace list, logs and the sample workspace.
 * Resolved from the {@code osprey.home} system property, then {@code OSPREY_HOME}, then
 * {@code $XDG_CONFIG_HOME/osprey}, then {@code ~/.config/osprey}. Tests point it at target/.
 */
public record AppHome(Path dir) {
    public AppHome {
        dir = dir.toAbsolutePath().normalize();
    }

    public static AppHome fromSystem() {
        String prop = System.getProperty("osprey.home");
        if (prop != null && !prop.isBlank()) {
            return new AppHome(Path.of(prop));
        }
        String env = System.getenv("OSPREY_HOME");
        if (env != null && !env.isBlank()) {
            return new AppHome(Path.of(env));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new AppHome(Path.of(xdg, "osprey"));
        }
        return new AppHome(Path.of(System.getProperty("user.home"), ".config", "osprey"));
    }

    public Path logDir() {
        return dir.resolve("logs");
    }

    public Path sampleWorkspace() {
        return dir.resolve("sample-workspace");
    }

    public Path recentWorkspacesFile() {
        return dir.resolve("recent-workspaces.txt");
    }
}
