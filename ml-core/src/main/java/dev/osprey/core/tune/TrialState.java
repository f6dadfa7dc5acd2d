package dev.osprey.core.tune;

/** Where a trial is: running, done with a value, stopped early by pruning, failed, or cut by a stop or the time budget. */
public enum TrialState {
    RUNNING, COMPLETE, PRUNED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
