package dev.osprey.core.deploy;

/** A batch transform that cannot run: an unknown model, a file it cannot read, a column the model needs is absent. */
public final class BatchException extends Exception {
    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
