package dev.osprey.core.train;

/**
 * An expected failure of training: bad input (a text target for a regression, a single class,
 * an out-of-range hyperparameter) or data that cannot be read. The message is meant for the user.
 */
public class TrainingException extends Exception {
    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
