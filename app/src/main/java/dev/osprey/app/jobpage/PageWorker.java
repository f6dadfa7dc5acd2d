package dev.osprey.app.jobpage;

import dev.osprey.core.Engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A page's own daemon thread for catalog reads and event flushes, and calls on it. */
public final class PageWorker {
    /** Work against the open engine that may throw a checked exception. */
    @FunctionalInterface
    public interface EngineCall<T> {
        T call(Engine engine) throws Exception;
    }

    private PageWorker() {
    }

    /** A daemon thread, so an open page never keeps the studio from exiting. */
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
}
