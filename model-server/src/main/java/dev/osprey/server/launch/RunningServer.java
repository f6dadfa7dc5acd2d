package dev.osprey.server.launch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A model server process started by {@link ServerLauncher}. {@link #close()} stops it with a 30 s grace. */
public interface RunningServer extends AutoCloseable {
    int port();

    /** {@code http://HOST:PORT/} (loopback when the server binds every interface). */
    URI baseUri();

    long pid();

    /** The process's output (its log). */
    Path logFile();

    boolean isAlive();

    /** Completes with the exit code when the process ends, however it ends. */
    CompletableFuture<Integer> onExit();

    /** Serves {@code newVersion} in place of the served version of the same model, without dropping a request. */
    void swap(ServedModel newVersion) throws IOException;

    ServerStats stats() throws IOException;

    /** SIGTERM (the server drains requests in flight), then a forced kill if it is still running after {@code grace}. */
    void stop(Duration grace);

    @Override
    default void close() {
        stop(Duration.ofSeconds(30));
    }
}
