package dev.osprey.app.jobs;

import dev.osprey.app.fx.JobSnapshot;
import dev.osprey.core.job.JobId;
import dev.osprey.core.job.JobStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.time.Instant;

/** One line of the job center: a job's latest state as properties a cell binds to. */
public final class JobRowModel {
    private final JobId id;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<JobStatus> status = new SimpleObjectProperty<>(this, "status", JobStatus.QUEUED);
    private final StringProperty statusText = new SimpleStringProperty(this, "statusText", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "");
    private final StringProperty percent = new SimpleStringProperty(this, "percent", "");
    private final BooleanProperty cancellable = new SimpleBooleanProperty(this, "cancellable");
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty(this, "cancelRequested");
    private JobSnapshot snapshot;

    JobRowModel(JobSnapshot first) {
        this.id = first.id();
        apply(first, first.takenAt());
    }

    void apply(JobSnapshot s, Instant now) {
        snapshot = s;
        title.set(s.title());
        status.set(s.status());
        statusText.set(s.status().label());
        progress.set(switch (s.status()) {
            case SUCCEEDED -> 1;
            case QUEUED -> 0;
            case FAILED, CANCELLED -> Math.max(0, s.progress());
            case RUNNING -> s.progress();
        });
        percent.set(s.isRunning() && s.progress() >= 0 ? Math.round(s.progress() * 100) + "%" : "");
        message.set(s.status() == JobStatus.FAILED && s.failure() != null ? s.failure() : s.message());
        cancellable.set(s.isActive() && !cancelRequested.get());
        tick(now);
    }

    /** Recomputes the elapsed time of a running job (the view ticks once a second). */
    void tick(Instant now) {
        elapsed.set(snapshot.status() == JobStatus.QUEUED ? "waiting" : formatElapsed(snapshot.elapsedAt(now)));
    }

    void markCancelRequested() {
        cancelRequested.set(true);
        cancellable.set(false);
        statusText.set("Cancelling");
    }

    JobSnapshot snapshot() {
        return snapshot;
    }

    static String formatElapsed(Duration d) {
        long secs = d.toSeconds();
        if (secs < 60) {
            return secs + " s";
        }
        if (secs < 3600) {
            return "%d:%02d".formatted(secs / 60, secs % 60);
        }
        return "%d:%02d:%02d".formatted(secs / 3600, (secs / 60) % 60, secs % 60);
    }

    public JobId id() {
        return id;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<JobStatus> statusProperty() {
        return status;
    }

    /** "Running", "Done", "Cancelling" ... */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText;
    }

    /** In [0, 1], or negative (an indeterminate bar) while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The latest progress message, or the failure reason of a failed job. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** "42%" while a job with known progress runs, else empty. */
    public ReadOnlyStringProperty percentProperty() {
        return percent;
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed;
    }

    /** True while the job runs or waits and no cancel was asked yet. */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable;
    }

    public boolean isFailed() {
        return status.get() == JobStatus.FAILED;
    }
}
