package dev.osprey.app.endpoints;

import dev.osprey.core.deploy.EndpointConfig;
import dev.osprey.core.deploy.EndpointName;
import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServedModel;
import dev.osprey.server.launch.ServerSpec;
import dev.osprey.server.launch.ServerStartException;
import dev.osprey.server.launch.ServerStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server processes this studio started, by endpoint. Blocking calls (start, stop, swap,
 * stats): callers run them off the UI thread. A server stopped through here is forgotten before
 * it is stopped, so its exit is not mistaken for a crash ({@link #isManaged}). A shutdown hook
 * stops what is left when the JVM exits, so no server outlives the studio.
 */
public final class EndpointServers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointServers.class);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private final ServerStarter starter;
    private final Map<EndpointName, RunningServer> running = new ConcurrentHashMap<>();
    private final Thread hook = new Thread(this::stopAllNow, "osprey-endpoint-shutdown");

    public EndpointServers(ServerStarter starter) {
        this.starter = starter;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; nothing will be started
        }
    }

    /** Starts a server for {@code config} serving {@code model}; blocks until it is ready or has failed. */
    public RunningServer start(Path workspace, EndpointConfig config, ServedModel model, Optional<String> token)
            throws ServerStartException {
        if (running.containsKey(config.name())) {
            throw new ServerStartException("The endpoint '" + config.name() + "' is already running.");
        }
        ServerSpec spec = new ServerSpec(workspace, List.of(model), config.port(), ServerSpec.LOOPBACK, token,
                config.capture(), config.samplePercent(), config.name().value());
        RunningServer server = starter.start(spec);
        if (running.putIfAbsent(config.name(), server) != null) {
            server.stop(EXIT_GRACE);
            throw new ServerStartException("The endpoint '" + config.name() + "' was started twice.");
        }
        return server;
    }

    public Optional<RunningServer> server(EndpointName name) {
        return Optional.ofNullable(running.get(name));
    }

    /** Whether {@code server} is still the one this studio runs for {@code name} (false once stopped on purpose). */
    public boolean isManaged(EndpointName name, RunningServer server) {
        return running.get(name) == server;
    }

    /** Stops an endpoint's server (drains requests in flight); no-op when none runs. */
    public void stop(EndpointName name, Duration grace) {
        RunningServer s = running.remove(name);
        if (s != null) {
            s.stop(grace);
        }
    }

    public void swap(EndpointName name, ServedModel model) throws IOException {
        RunningServer s = running.get(name);
        if (s == null) {
            throw new IOException("The endpoint '" + name + "' is not running.");
        }
        s.swap(model);
    }

    public Optional<ServerStats> stats(EndpointName name) throws IOException {
        RunningServer s = running.get(name);
        return s == null || !s.isAlive() ? Optional.empty() : Optional.of(s.stats());
    }

    /** Stops every server at once (in parallel) and waits for them; used when the workspace closes. */
    public void stopAll(Duration grace) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (EndpointName n : List.copyOf(running.keySet())) {
            RunningServer s = running.remove(n);
            if (s != null) {
                stops.add(CompletableFuture.runAsync(() -> s.stop(grace)));
            }
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            LOG.warn("Stopping a model server failed", e);
        }
    }

    private void stopAllNow() {
        stopAll(EXIT_GRACE);
    }

    @Override
    public void close() {
        stopAll(EXIT_GRACE);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }
}
