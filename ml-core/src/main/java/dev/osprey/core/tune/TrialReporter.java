package dev.osprey.core.tune;

import dev.osprey.core.experiment.RunId;

/**
 * What a running trial tells the tuner, and how the tuner tells it to stop. A trial reports its
 * intermediate metric after each step (boosting round, epoch); when {@link #report} returns false
 * the trial should end as soon as it can (it was pruned, the job was stopped or its time ran out).
 */
public interface TrialReporter {
    /** Records the intermediate value at {@code step}; false when the trial should stop. */
    boolean report(int step, double value);

    /** True once the trial should stop. */
    boolean shouldStop();

    /** Links the experiment run that records this trial. */
    void attachRun(RunId run);

    /** Registers {@code hook} to run when the trial is told to stop (at once if it already was). */
    void onStop(Runnable hook);
}
