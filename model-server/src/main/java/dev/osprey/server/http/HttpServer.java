package dev.osprey.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small blocking HTTP/1.1 server: one platform thread per keep-alive connection, reading and
 * answering requests in order. For a local model server with a handful of clients this has the
 * lowest latency the JDK offers: a request is read, predicted and answered on the thread the
 * kernel woke, with no selector hand-off (the JDK's com.sun.net.httpserver passes every request
 * between a dispatcher and a worker thread, which measured p99 6.7 ms at 4.8k req/s here).
 * {@link #drain} stops accepting, closes idle connections and lets busy ones finish.
 */
public final class HttpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final HttpHandler handler;
    private final HttpObserver observer;
    private final HttpLimits limits;
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final AtomicInteger ids = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean draining;

    private HttpServer(ServerSocket socket, HttpHandler handler, HttpObserver observer, HttpLimits limits) {
        this.socket = socket;
        this.handler = handler;
        this.observer = observer;
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConnections());
        this.acceptor = Thread.ofPlatform().name("http-accept").daemon(true).unstarted(this::acceptLoop);
    }

    /**
     * Binds {@code host:port} ({@code port} 0: any free port) and starts accepting.
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static HttpServer start(InetAddress host, int port, HttpHandler handler, HttpObserver observer, HttpLimits limits)
            throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port), 512);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        HttpServer server = new HttpServer(s, Objects.requireNonNull(handler), Objects.requireNonNull(observer),
                Objects.requireNonNull(limits));
        server.acceptor.start();
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    HttpHandler handler() {
        return handler;
    }

    HttpObserver observer() {
        return observer;
    }

    HttpLimits limits() {
        return limits;
    }

    boolean draining() {
        return draining;
    }

    /** Requests being read or answered right now. */
    public int busyConnections() {
        int n = 0;
        for (HttpConnection c : connections) {
            n += c.busy() ? 1 : 0;
        }
        return n;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                pause(); // closed by drain (the loop ends), or e.g. out of file descriptors: do not spin
                continue;
            }
            if (draining || !slots.tryAcquire()) {
                refuse(s);
                continue;
            }
            try {
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                close(s);
                slots.release();
                continue;
            }
            HttpConnection c = new HttpConnection(this, s);
            connections.add(c);
            Thread.ofPlatform().name("http-" + ids.incrementAndGet()).daemon(true).start(c);
        }
    }

    private void pause() {
        if (!socket.isClosed()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Too many connections (or shutting down): a short 503 instead of a silent reset. */
    private static void refuse(Socket s) {
        try (s) {
            byte[] body = "{\"error\":\"The server is busy or shutting down; try again.\"}".getBytes(StandardCharsets.US_ASCII);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException ignored) {
            // the client is gone already
        }
    }

    void ended(HttpConnection c) {
        if (connections.remove(c)) {
            slots.release();
        }
    }

    /**
     * Stops accepting, closes idle keep-alive connections and waits up to {@code grace} for
     * requests in flight to be answered; then closes what is left. Returns whether every
     * request in flight was answered.
     */
    public boolean drain(Duration grace) {
        draining = true;
        close(socket);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            for (HttpConnection c : connections) {
                c.closeIfIdle();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean clean = connections.isEmpty();
        for (HttpConnection c : connections) {
            c.forceClose();
        }
        return clean;
    }

    @Override
    public void close() {
        drain(Duration.ZERO);
    }

    static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
