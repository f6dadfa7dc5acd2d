package dev.osprey.app.jobpage;

import dev.osprey.core.job.Job;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * A view model that runs one job of the job center at a time and shows where it is: its state,
 * progress, the message line under the progress bar and why it failed; a generation that lets the
 * late answer of an older job be dropped; and stopping it. The Training, Tuning and AutoML pages
 * ({@link JobPageModel}) and the data quality report. UI executor only; holds no nodes.
 *
 * @param <S> the run states
 * @param <R> what the job returns
 */
public abstract class JobStatusModel<S extends JobStatusModel.Phase, R> {
    /** A run state: the one that means a job is running. */
    public interface Phase {
        boolean isRunning();
    }

    protected final ReadOnlyObjectWrapper<S> state;
    protected final ReadOnlyDoubleWrapper progress;
    protected final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    protected final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    /** The running job, or null. */
    protected volatile Job<R> job;
    /** Moves on with each start (and workspace change): what an older one answers late is dropped. */
    protected long generation;

    /** {@code progress}: what the bar shows before the first job (negative: unknown). */
    protected JobStatusModel(S idle, double progress) {
        this.state = new ReadOnlyObjectWrapper<>(this, "state", Objects.requireNonNull(idle));
        this.progress = new ReadOnlyDoubleWrapper(this, "progress", progress);
    }

    public ReadOnlyObjectProperty<S> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** In [0, 1], or negative while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The line under the progress bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last job failed, or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Asks the running job to stop; the message line says {@code saying} until it has. */
    protected final void stopJob(String saying) {
        Job<R> running = job;
        if (running != null && state.get().isRunning()) {
            message.set(saying);
            running.cancel();
        }
    }
}
