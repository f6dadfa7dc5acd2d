package dev.osprey.core.train;

import dev.osprey.core.experiment.RunId;

/**
 * A training listener that also wants the id of the run as soon as it exists, before any result:
 * tuning links a trial that it stops early (whose training ends without a result) to its run.
 * {@link TrainingService} calls it once, on the training thread, right after starting the run.
 */
public interface RunListener {
    void runStarted(RunId run);
}
