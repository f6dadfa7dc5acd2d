package dev.osprey.core.experiment;

/** Where a run is in its life. Only RUNNING changes; the others are final. */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
