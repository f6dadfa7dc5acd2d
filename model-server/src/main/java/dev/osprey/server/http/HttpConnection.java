package dev.osprey.server.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One keep-alive connection: reads a request, lets the handler answer it, writes the response,
 * and again. The state word makes closing an idle connection during a drain race-free: a
 * connection turns BUSY at the first byte of a request only if the drain has not closed it.
 */
final class HttpConnection implements Runnable {
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    /** A body over the limit is still read and discarded up to this size, so the client sees the 413 instead of a reset. */
    private static final long DISCARD_LIMIT = 64L * 1024 * 1024;

    private final HttpServer server;
    private final Socket socket;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final RequestReader reader;
    private final ResponseWriter writer;

    HttpConnection(HttpServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
        InputStream in;
        OutputStream out;
        try {
            in = socket.getInputStream();
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        } catch (IOException e) {
            in = InputStream.nullInputStream();
            out = OutputStream.nullOutputStream();
            state.set(CLOSED);
        }
        this.reader = new RequestReader(in, server.limits().maxBodyBytes(), DISCARD_LIMIT);
        this.writer = new ResponseWriter(out);
    }

    boolean busy() {
        return state.get() == BUSY;
    }

    void closeIfIdle() {
        if (state.compareAndSet(IDLE, CLOSED)) {
            HttpServer.close(socket);
        }
    }

    void forceClose() {
        state.set(CLOSED);
        HttpServer.close(socket);
    }

    @Override
    public void run() {
        try {
            int idleMillis = (int) Math.min(Integer.MAX_VALUE, server.limits().idleTimeout().toMillis());
            int requestMillis = (int) Math.min(Integer.MAX_VALUE, server.limits().requestTimeout().toMillis());
            while (!server.draining()) {
                socket.setSoTimeout(idleMillis);
                if (!reader.awaitFirstByte()) {
                    return; // the client closed the connection, or it was idle too long
                }
                if (!state.compareAndSet(IDLE, BUSY)) {
                    return; // a drain closed it just now
                }
                long start = System.nanoTime();
                socket.setSoTimeout(requestMillis);
                if (!serveOne(start, requestMillis)) {
                    return;
                }
                if (!state.compareAndSet(BUSY, IDLE)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away mid-request: nothing to answer
        } finally {
            state.set(CLOSED);
            HttpServer.close(socket);
            server.ended(this);
        }
    }

    /** Reads, answers and writes one request; false when the connection must close afterwards. */
    private boolean serveOne(long start, int requestMillis) throws IOException {
        HttpResponse response;
        boolean close;
        HttpRequest request = null;
        try {
            request = reader.read(start + requestMillis * 1_000_000L, writer);
            close = request.header("connection").map(v -> v.equalsIgnoreCase("close")).orElse(false) || reader.http10();
            response = answer(request);
        } catch (HttpStatusException e) {
            response = HttpResponse.error(e.status(), e.getMessage());
            close = true; // after a framing error the rest of the stream cannot be trusted
        } catch (SocketTimeoutException e) {
            response = HttpResponse.error(408, "The request did not arrive within " + requestMillis / 1000 + " s.");
            close = true;
        }
        close |= server.draining();
        writer.write(response, close);
        server.observer().completed(response.tag(), response.status(), System.nanoTime() - start);
        return !close;
    }

    private HttpResponse answer(HttpRequest request) {
        try {
            HttpResponse r = server.handler().handle(request);
            return r != null ? r : HttpResponse.error(500, "The server gave no answer.");
        } catch (HttpStatusException e) {
            return HttpResponse.error(e.status(), e.getMessage());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // A defect or exhaustion, not bad input: log it once here and answer 500 so the connection stays usable.
            System.err.println(java.time.Instant.now() + " ERROR " + request.method() + " " + request.path() + ": " + e);
            e.printStackTrace();
            return HttpResponse.error(500, "Internal error: " + e.getClass().getSimpleName());
        }
    }
}
