package dev.osprey.core.quality;

/** A quality report that cannot be made: unknown dataset or target, an empty dataset, unreadable data. */
public class QualityException extends Exception {
    public QualityException(String message) {
        super(message);
    }

    public QualityException(String message, Throwable cause) {
        super(message, cause);
    }
}
