package dev.osprey.app.tune;

import dev.osprey.core.Engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executor;

/** The page's own daemon thread for catalog reads and event flushes, calls on it, and failure texts. */
public final class Worker {
    /** Work against the open engine that may throw a checked exception. */
    @FunctionalInterface
    public interface EngineCall<T> {
        T call(Engine engine) throws Exception;
    }

    private Worker() {
    }

    public static ScheduledExecutorService start(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code work} on {@code io}; a checked exception completes the future with a CompletionException. */
    public static <T> CompletableFuture<T> supply(Engine engine, EngineCall<T> work, Executor io) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call(engine);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The engine's refusals (checked exceptions and bad arguments) carry a message for the user; anything else is a defect. */
    public static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        boolean expected = !(e instanceof RuntimeException) || e instanceof IllegalArgumentException;
        if (expected && m != null && !m.isBlank()) {
            return m;
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ").";
    }

    public static String details(Throwable t) {
        StringWriter out = new StringWriter();
        unwrap(t).printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
