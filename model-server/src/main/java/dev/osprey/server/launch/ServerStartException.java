package dev.osprey.server.launch;

/** The server process did not become ready; the message says why and ends with the last lines of its log. */
public final class ServerStartException extends Exception {
    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
