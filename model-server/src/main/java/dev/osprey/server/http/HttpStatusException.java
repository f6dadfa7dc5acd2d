package dev.osprey.server.http;

/** A request the server refuses: the status (4xx) and a message naming the problem, sent as {@code {"error": ...}}. */
public final class HttpStatusException extends Exception {
    private final int status;

    public HttpStatusException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
