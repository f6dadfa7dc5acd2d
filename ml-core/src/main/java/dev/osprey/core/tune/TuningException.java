package dev.osprey.core.tune;

/** An expected failure of tuning: bad input (named plainly) or a catalog that cannot be read or written. */
public class TuningException extends Exception {
    public TuningException(String message) {
        super(message);
    }

    public TuningException(String message, Throwable cause) {
        super(message, cause);
    }
}
