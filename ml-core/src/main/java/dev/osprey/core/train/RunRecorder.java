package dev.osprey.core.train;

import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.RunId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Forwards training events to the caller's listener and records per-iteration metrics in the
 * run, in batches (one catalog transaction per round would slow a 1000-round training).
 * Keys: {@code train_rmse}, {@code valid_rmse} for a holdout; {@code fold2.valid_rmse} per fold
 * and {@code train_rmse} for the final fit of k-fold. The step is the iteration.
 */
final class RunRecorder implements Consumer<TrainingEvent> {
    private static final int BATCH = 100;

    private final ExperimentStore store;
    private final RunId run;
    private final Consumer<? super TrainingEvent> listener;
    private final boolean holdout;
    private final List<MetricPoint> pending = new ArrayList<>();
    private ExperimentException failure;

    RunRecorder(ExperimentStore store, RunId run, Consumer<? super TrainingEvent> listener, boolean holdout) {
        this.store = store;
        this.run = run;
        this.listener = listener;
        this.holdout = holdout;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.IterationMetric m) {
            String prefix = m.fold() == 0 || holdout ? "" : "fold" + m.fold() + ".";
            if (!Double.isNaN(m.trainValue())) {
                pending.add(new MetricPoint(prefix + "train_" + m.metric(), m.iteration(), m.trainValue()));
            }
            if (!Double.isNaN(m.validValue())) {
                pending.add(new MetricPoint(prefix + "valid_" + m.metric(), m.iteration(), m.validValue()));
            }
            if (pending.size() >= BATCH) {
                flush();
            }
        }
        try {
            listener.accept(event);
        } catch (RuntimeException ignored) {
            // a failing listener (a view) must not fail the training
        }
    }

    /** Writes what is pending; a catalog failure is kept and reported by {@link #check()}. */
    void flush() {
        if (pending.isEmpty() || failure != null) {
            return;
        }
        try {
            store.logMetrics(run, List.copyOf(pending));
        } catch (ExperimentException e) {
            failure = e;
        }
        pending.clear();
    }

    void check() throws ExperimentException {
        flush();
        if (failure != null) {
            throw failure;
        }
    }
}
