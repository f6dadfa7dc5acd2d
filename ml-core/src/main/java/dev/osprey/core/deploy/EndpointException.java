package dev.osprey.core.deploy;

/** The endpoint store cannot be read or written, or an endpoint is unknown. */
public final class EndpointException extends Exception {
    public EndpointException(String message) {
        super(message);
    }

    public EndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
