package dev.osprey.app.tune;

/** Where the page's shown tuning job is. */
public enum TuneState {
    IDLE, RUNNING, FINISHED, STOPPED, FAILED;

    public boolean isRunning() {
        return this == RUNNING;
    }
}
