package dev.osprey.app.cli;

import dev.osprey.app.AppHome;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the command line needs from the outside world, passed in so tests run commands in-process
 * against temporary folders: the per-user home, the working directory (the default workspace when
 * it is one), whether stderr is a terminal (one updating progress line) or a log (occasional lines),
 * Ctrl+C handling and the studio.
 */
public record CliEnvironment(AppHome home, Path workingDir, boolean errIsTerminal, InterruptHandler interrupts,
                             StudioLauncher studio) {
    public CliEnvironment {
        Objects.requireNonNull(home, "home");
        workingDir = workingDir.toAbsolutePath().normalize();
        Objects.requireNonNull(interrupts, "interrupts");
        Objects.requireNonNull(studio, "studio");
    }
}
