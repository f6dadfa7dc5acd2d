package dev.osprey.core.data;

/** An expected failure with data (a bad file, an unknown dataset); the message is meant for the user. */
public class DataException extends Exception {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
