package dev.osprey.app.fx;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/**
 * The crossing onto the JavaFX application thread. This package is the only code in Osprey that
 * calls {@code Platform.runLater}; view models receive an {@link Executor} (this one in the
 * studio, a same-thread one in tests).
 */
public final class FxThread {
    private FxThread() {
    }

    /** Runs a task on the FX thread: directly when already there, else queued. */
    public static Executor executor() {
        return task -> {
            if (Platform.isFxApplicationThread()) {
                task.run();
            } else {
                Platform.runLater(task);
            }
        };
    }
}
