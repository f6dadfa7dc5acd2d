package dev.osprey.core.experiment;

/** An expected failure reading or writing runs (an unknown run, an unreadable catalog). */
public class ExperimentException extends Exception {
    public ExperimentException(String message) {
        super(message);
    }

    public ExperimentException(String message, Throwable cause) {
        super(message, cause);
    }
}
