package dev.osprey.app.cli;

import dev.osprey.app.AppHome;

import java.nio.file.Path;

/**
 * Opens the studio window. An interface so the command tree never links JavaFX classes: headless
 * commands must run on machines without a display, and tests replace it.
 */
@FunctionalInterface
public interface StudioLauncher {
    /** Blocks until the last window is closed. */
    void launch(AppHome home, Path workspaceDir);
}
