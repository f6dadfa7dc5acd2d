package dev.osprey.core.label;

/** A labeling operation failed; the message is for the user and names the job, item or file. */
public class LabelException extends Exception {
    public LabelException(String message) {
        super(message);
    }

    public LabelException(String message, Throwable cause) {
        super(message, cause);
    }
}
