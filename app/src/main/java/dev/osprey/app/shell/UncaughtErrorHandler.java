package dev.osprey.app.shell;

import dev.osprey.app.DialogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Last line of defence: an exception nobody caught is logged and shown to the user, never lost
 * and never the end of the process. While one error dialog is open, further errors are only
 * logged, so a failure repeating on every frame cannot bury the window in dialogs.
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrorHandler.class);

    private final DialogService dialogs;
    private final Executor uiExecutor;
    private final AtomicBoolean showing = new AtomicBoolean();

    public UncaughtErrorHandler(DialogService dialogs, Executor uiExecutor) {
        this.dialogs = dialogs;
        this.uiExecutor = uiExecutor;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception in thread {}", thread.getName(), error);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        try {
            uiExecutor.execute(() -> {
                try {
                    dialogs.showError("Unexpected error", message(error), stackTrace(error));
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Cannot show the error dialog", e);
                } finally {
                    showing.set(false);
                }
            });
        } catch (RuntimeException e) {
            showing.set(false);
            LOG.error("Cannot reach the UI thread to report the error", e);
        }
    }

    /** What the user reads: the innermost message, not a class name when there is a message. */
    static String message(Throwable error) {
        Throwable t = error;
        String best = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        String head = "Osprey ran into a problem it did not expect. The details are below and in the log.";
        return best == null ? head + "\n\n" + error.getClass().getSimpleName() : head + "\n\n" + best;
    }

    static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
