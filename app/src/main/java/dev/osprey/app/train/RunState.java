package dev.osprey.app.train;

import dev.osprey.app.jobpage.JobStatusModel;

/** Where the page's current training is. */
public enum RunState implements JobStatusModel.Phase {
    IDLE, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    @Override
    public boolean isRunning() {
        return this == RUNNING;
    }
}
