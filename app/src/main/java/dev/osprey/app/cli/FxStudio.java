package dev.osprey.app.cli;

import dev.osprey.app.AppHome;
import dev.osprey.app.shell.Studio;

import java.nio.file.Path;

/**
 * The one class of the command line that links JavaFX: {@code Osprey.main} refers to it only
 * inside a lambda, so headless commands never load it.
 */
public final class FxStudio {
    /** With this system property set to true the studio prints its first-paint time and exits (bench/). */
    public static final String EXIT_AFTER_FIRST_PAINT = "osprey.bench.exitAfterFirstPaint";

    private FxStudio() {
    }

    public static void launch(AppHome home, Path workspaceDir) {
        if (Boolean.getBoolean(EXIT_AFTER_FIRST_PAINT)) {
            FirstPaintProbe.install();
        }
        Studio.launch(home, workspaceDir);
    }
}
