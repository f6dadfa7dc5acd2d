package dev.osprey.app.train;

/** Where the page's current training is. */
public enum RunState {
    IDLE, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isRunning() {
        return this == RUNNING;
    }
}
