package dev.osprey.core.train;

/** A model file that cannot be trusted or read: changed since it was saved, truncated, or not a model. */
public class ModelFileException extends TrainingException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
