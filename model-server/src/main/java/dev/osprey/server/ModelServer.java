package dev.osprey.server;

import dev.osprey.server.http.HttpServer;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One running model server: the loaded models, metrics, optional data capture and the HTTP
 * server, wired together. {@link #shutdown} is what SIGTERM runs: stop answering ready, drain
 * the requests in flight, then flush the capture.
 */
public final class ModelServer {
    private final HttpServer http;
    private final Routes routes;
    private final DataCapture capture;
    private final ModelSet models;

    private ModelServer(HttpServer http, Routes routes, DataCapture capture, ModelSet models) {
        this.http = http;
        this.routes = routes;
        this.capture = capture;
        this.models = models;
    }

    /**
     * Loads every model, then binds and starts serving.
     *
     * @throws StartException naming what failed (a model that does not load, a port in use)
     */
    public static ModelServer start(ServerOptions o) throws StartException {
        ModelLoader loader = new ModelLoader(o.workspace());
        List<LoadedModel> loaded = new ArrayList<>();
        for (ServerOptions.ModelArg m : o.models()) {
            try {
                loaded.add(loader.load(m.name(), m.version(), m.dir()));
            } catch (ModelLoader.ModelLoadException e) {
                throw new StartException("Cannot load " + m.name() + ":" + m.version() + ": " + e.getMessage(), e);
            }
        }
        ModelSet models;
        try {
            models = new ModelSet(loaded);
        } catch (IllegalArgumentException e) {
            throw new StartException(e.getMessage(), e);
        }
        ServerMetrics metrics = new ServerMetrics();
        DataCapture capture = null;
        if (o.capture()) {
            try {
                capture = new DataCapture(o.workspace().resolve("captures").resolve(o.endpoint()), o.endpoint(), o.capturePercent(), metrics);
            } catch (IOException e) {
                throw new StartException("Cannot create the capture folder captures/" + o.endpoint() + ": " + e.getMessage(), e);
            }
        }
        Routes routes = new Routes(models, loader, metrics, capture, o.token(), o.limits().requestTimeout().toNanos(),
                o.limits().maxBodyBytes());
        InetAddress host;
        try {
            host = InetAddress.getByName(o.host());
        } catch (IOException e) {
            throw new StartException("Unknown host '" + o.host() + "': " + e.getMessage(), e);
        }
        HttpServer http;
        try {
            if (o.port() == ServerOptions.PREFER_8080) {
                try {
                    http = HttpServer.start(host, 8080, routes, metrics, o.limits());
                } catch (BindException e) {
                    http = HttpServer.start(host, 0, routes, metrics, o.limits());
                }
            } else {
                http = HttpServer.start(host, o.port(), routes, metrics, o.limits());
            }
        } catch (IOException e) {
            if (capture != null) {
                capture.close();
            }
            throw new StartException("Cannot listen on " + o.host() + ":" + (o.port() < 0 ? 8080 : o.port()) + ": " + e.getMessage()
                    + (e instanceof BindException ? " (is another server using the port? choose another with --port)" : ""), e);
        }
        return new ModelServer(http, routes, capture, models);
    }

    public int port() {
        return http.port();
    }

    /** The served models as {@code name:version}. */
    public List<String> served() {
        return models.all().stream().map(LoadedModel::toString).toList();
    }

    /** Stops accepting, answers the requests in flight (up to {@code grace}), then writes the queued captures. */
    public boolean shutdown(Duration grace) {
        routes.draining();
        boolean clean = http.drain(grace);
        if (capture != null) {
            capture.close(2000);
        }
        return clean;
    }

    /** Why the server could not start, in words for the launcher's message. */
    public static final class StartException extends Exception {
        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
