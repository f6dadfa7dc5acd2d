package dev.osprey.app.tune;

import dev.osprey.app.jobpage.JobStatusModel;

/** Where the page's shown tuning job is. */
public enum TuneState implements JobStatusModel.Phase {
    IDLE, RUNNING, FINISHED, STOPPED, FAILED;

    @Override
    public boolean isRunning() {
        return this == RUNNING;
    }

    /** The state chip's word (Tuning and AutoML tab): none while idle. */
    public String chipText() {
        return switch (this) {
            case IDLE -> "";
            case RUNNING -> "Running";
            case FINISHED -> "Done";
            case STOPPED -> "Stopped";
            case FAILED -> "Failed";
        };
    }
}
