package dev.osprey.core.automl;

/** An expected AutoML failure: bad input (named plainly) or nothing could be trained. */
public class AutoMlException extends Exception {
    public AutoMlException(String message) {
        super(message);
    }

    public AutoMlException(String message, Throwable cause) {
        super(message, cause);
    }
}
