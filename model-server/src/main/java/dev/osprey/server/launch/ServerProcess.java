package dev.osprey.server.launch;

import dev.osprey.core.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A started server process and an HTTP client for its admin calls (swap) and metrics. */
final class ServerProcess implements RunningServer {
    private final Process process;
    private final int port;
    private final URI base;
    private final Path log;
    private final Optional<String> token;
    /** Made on the first admin or metrics call: building a client is ~100 ms of class loading the start need not wait for. */
    private HttpClient client;

    /** Runs once the process is gone (the launcher publishes the class-data archive the server dumped at exit). */
    private final Runnable afterExit;

    ServerProcess(Process process, int port, String host, Path log, Optional<String> token, Runnable afterExit) {
        this.process = process;
        this.afterExit = afterExit;
        this.port = port;
        this.base = URI.create("http://" + host + ":" + port + "/");
        this.log = log;
        this.token = token;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public URI baseUri() {
        return base;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Path logFile() {
        return log;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    @Override
    public void swap(ServedModel newVersion) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", newVersion.name());
        body.put("version", newVersion.version());
        body.put("dir", newVersion.dir().toString());
        HttpResponse<String> r = send(request("admin/swap").timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
        if (r.statusCode() != 200) {
            throw new IOException("The server did not swap to " + newVersion + ": " + errorOf(r));
        }
    }

    @Override
    public ServerStats stats() throws IOException {
        HttpResponse<String> r = send(request("metrics").timeout(Duration.ofSeconds(10)).GET().build());
        if (r.statusCode() != 200) {
            throw new IOException("The server's /metrics answered " + r.statusCode() + ": " + errorOf(r));
        }
        return MetricsText.stats(r.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling the model server.", e);
        }
    }

    private static String errorOf(HttpResponse<String> r) {
        try {
            if (Json.parse(r.body()) instanceof Map<?, ?> m && m.get("error") instanceof String s) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // not JSON: show the status and the raw text
        }
        return "HTTP " + r.statusCode() + " " + r.body();
    }

    @Override
    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (!process.isAlive()) {
            afterExit.run();
        }
        synchronized (this) {
            if (client != null) {
                client.close();
            }
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return client;
    }

    @Override
    public String toString() {
        return "model server pid " + pid() + " on " + base;
    }
}
