package dev.osprey.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one seam through which views ask the user things and tell them things. Tests replace it.
 * Methods are called on the FX thread.
 */
public interface DialogService {
    /** A short plain message; {@code details} (a stack trace, a log) is one click away. */
    void showError(String title, String message, String details);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    Optional<Path> chooseFile(String title, Path initialDir, String... extensions);

    Optional<Path> chooseDirectory(String title, Path initialDir);

    /** A brief non-modal notification (toast). */
    void notify(String message);
}
