package dev.osprey.notebook.kernel;

/** A kernel could not be started or used; the message says what to do. */
public class KernelException extends Exception {
    public KernelException(String message) {
        super(message);
    }

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
