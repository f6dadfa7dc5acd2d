package dev.osprey.core.tune;

/** A tuning job's life cycle: FINISHED when its budget or grid ran out, STOPPED when the user stopped it. */
public enum TuningStatus {
    RUNNING, FINISHED, STOPPED, FAILED
}
