package dev.osprey.core.wrangle;

/**
 * A recipe that cannot run as asked: a missing column, a type that does not fit, an expression
 * that does not parse, a cast that fails. The message names the step and the column.
 */
public final class WrangleException extends Exception {
    private final int stepIndex;

    public WrangleException(String message) {
        this(-1, message, null);
    }

    public WrangleException(int stepIndex, String message, Throwable cause) {
        super(message, cause);
        this.stepIndex = stepIndex;
    }

    /** The position of the failing step in the recipe, or -1 when the failure is not one step's. */
    public int stepIndex() {
        return stepIndex;
    }
}
