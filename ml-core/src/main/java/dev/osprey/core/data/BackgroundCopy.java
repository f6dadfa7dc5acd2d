package dev.osprey.core.data;

import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.DoubleConsumer;

/**
 * The byte copy of a COPY-mode import, running on its own thread while the scan checks the
 * source. It stops when the import is cancelled or fails ({@link #stopAndWait()}), so a failed
 * import never leaves a thread writing into data/.
 */
final class BackgroundCopy {
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private volatile boolean stopped;
    private volatile double fraction;
    private final Thread thread;

    private BackgroundCopy(Path source, Path target, JobContext importContext) {
        JobContext copyContext = new JobContext() {
            @Override
            public void progress(double f, String message) {
            }

            @Override
            public void log(String line) {
                importContext.log(line);
            }

            @Override
            public boolean isCancelled() {
                return stopped || importContext.isCancelled();
            }

            @Override
            public void onCancel(Runnable hook) {
            }
        };
        this.thread = Thread.ofPlatform().name("osprey-import-copy").daemon().unstarted(() -> {
            try {
                result.complete(FileCopier.copy(source, target, copyContext, f -> fraction = f));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
    }

    static BackgroundCopy start(Path source, Path target, JobContext importContext) {
        BackgroundCopy copy = new BackgroundCopy(source, target, importContext);
        copy.thread.start();
        return copy;
    }

    /** Waits for the copy to finish, reporting its progress, and returns the SHA-256 of the bytes copied. */
    String await(DoubleConsumer progress) throws IOException {
        try {
            while (!result.isDone()) {
                progress.accept(fraction);
                try {
                    return result.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillCopying) {
                    // report progress and wait again
                }
            }
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    /** Stops the copy if it still runs and waits for its thread, so the temp file can be removed. */
    void stopAndWait() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
