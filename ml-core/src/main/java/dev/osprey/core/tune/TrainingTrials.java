package dev.osprey.core.tune;

import dev.osprey.core.experiment.RunId;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.PreparedCache;
import dev.osprey.core.train.RunListener;
import dev.osprey.core.train.TrainingEvent;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import dev.osprey.core.train.TrainingService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A trial that trains: the template's options with the trial's parameters on top, recorded as a
 * run in the job's experiment. The validation metric of each boosting round (or epoch) of the
 * first fit goes to the tuner, and when the tuner says stop, the training's job context reports
 * cancelled, so the algorithm ends at its next round and the run is recorded as CANCELLED.
 * The trials of one job read and prepare the dataset once and share it, and XGBoost's matrices of
 * those rows with their histogram index: both were fixed costs of every trial, also of the ones a
 * pruner stops after a few rounds (on 10,000 x 20 the reading was half of a one-round trial, then
 * the index 17 of the remaining 20 ms). {@link #close} frees them when the job ends.
 */
final class TrainingTrials implements TrialFunction, AutoCloseable {
    private final TrainingService training;
    private final TrainingRequest template;
    private final Objective objective;
    private final PreparedCache data = new PreparedCache();
    private final long cells;

    /** {@code cells}: the dataset's rows times its columns, what one trial's data is at most. */
    TrainingTrials(TrainingService training, TrainingRequest template, Objective objective, long cells) {
        this.training = training;
        this.template = template;
        this.objective = objective;
        this.cells = Math.max(1, cells);
    }

    /**
     * Each paused trial keeps its own XGBoost matrices, so they hold no more than a job keeps
     * between fits ({@link PreparedCache#KEPT_MATRIX_CELLS}): 250 at 10,000 x 20, 2 at 1M x 20, at least 1.
     */
    @Override
    public int maxPaused() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, PreparedCache.KEPT_MATRIX_CELLS / cells));
    }

    @Override
    public double evaluate(Map<String, String> params, TrialReporter reporter) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(template.options());
        options.putAll(params);
        TrainingResult result = training.train(template.withOptions(options), new TrialJob(reporter), new Listener(reporter), data);
        Double value = result.metrics().get(objective.metric());
        if (value == null) {
            throw new TuningException("The training reported no metric '" + objective.metric() + "'; it reported "
                    + String.join(", ", new TreeSet<>(result.metrics().keySet())) + ".");
        }
        return value;
    }

    @Override
    public void close() {
        data.close();
    }

    /** Forwards the first fit's per-round validation metric and the run id to the tuner. */
    private record Listener(TrialReporter reporter) implements Consumer<TrainingEvent>, RunListener {
        @Override
        public void accept(TrainingEvent event) {
            if (event instanceof TrainingEvent.IterationMetric m && m.fold() == 1 && !Double.isNaN(m.validValue())) {
                reporter.report(m.iteration(), m.validValue());
            }
        }

        @Override
        public void runStarted(RunId run) {
            reporter.attachRun(run);
        }
    }

    /** The training's job context: cancelled once the tuner stops the trial (pruned, stopped, out of time). */
    private record TrialJob(TrialReporter reporter) implements JobContext {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public void log(String line) {
        }

        @Override
        public boolean isCancelled() {
            return reporter.shouldStop();
        }

        @Override
        public void onCancel(Runnable hook) {
            reporter.onStop(hook);
        }
    }
}
