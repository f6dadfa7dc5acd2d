package dev.osprey.app.jobs;

import dev.osprey.app.DialogService;
import dev.osprey.app.fx.FxJobMonitor;
import dev.osprey.app.fx.JobSnapshot;
import dev.osprey.core.job.JobId;
import dev.osprey.core.job.JobStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The job center's state: every job of the session, newest first, plus the one-line summary the
 * status bar shows. Fed only by {@link FxJobMonitor} batches, which arrive on the UI thread.
 */
public final class JobCenterViewModel {
    private final FxJobMonitor monitor;
    private final DialogService dialogs;
    private final Clock clock;
    private final ObservableList<JobRowModel> rows = FXCollections.observableArrayList();
    private final Map<JobId, JobRowModel> byId = new HashMap<>();
    /** Jobs the user cleared: a batch already on its way must not bring them back. */
    private final Set<JobId> cleared = new HashSet<>();
    private final IntegerProperty activeCount = new SimpleIntegerProperty(this, "activeCount");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "No jobs running");
    private final DoubleProperty summaryProgress = new SimpleDoubleProperty(this, "summaryProgress", 0);
    private final BooleanProperty hasFinished = new SimpleBooleanProperty(this, "hasFinished");

    public JobCenterViewModel(FxJobMonitor monitor, DialogService dialogs, Clock clock) {
        this.monitor = Objects.requireNonNull(monitor);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.clock = Objects.requireNonNull(clock);
        apply(monitor.current());
        monitor.subscribe(this::apply);
    }

    /** Applies a batch of changed jobs (called on the UI thread by the monitor). */
    void apply(List<JobSnapshot> batch) {
        var now = clock.instant();
        for (JobSnapshot s : batch) {
            JobRowModel row = byId.get(s.id());
            if (row == null && cleared.contains(s.id())) {
                continue;
            }
            if (row == null) {
                row = new JobRowModel(s);
                byId.put(s.id(), row);
                rows.addFirst(row);
            } else {
                row.apply(s, now);
            }
        }
        updateSummary();
    }

    /** Refreshes the elapsed time of running jobs; the view calls it once a second. */
    public void tick() {
        var now = clock.instant();
        for (JobRowModel row : rows) {
            if (row.snapshot().isRunning()) {
                row.tick(now);
            }
        }
    }

    public void cancel(JobRowModel row) {
        if (row.cancellableProperty().get() && monitor.cancel(row.id())) {
            row.markCancelRequested();
        }
    }

    public void clearFinished() {
        monitor.clearFinished();
        for (JobRowModel r : List.copyOf(rows)) {
            if (r.snapshot().status().isTerminal()) {
                rows.remove(r);
                byId.remove(r.id());
                cleared.add(r.id());
            }
        }
        updateSummary();
    }

    /** Shows why a failed job failed, with the stack trace one click away. */
    public void showFailure(JobRowModel row) {
        JobSnapshot s = row.snapshot();
        if (s.status() != JobStatus.FAILED) {
            return;
        }
        dialogs.showError(s.title() + " failed", s.failure() == null ? "The job failed." : s.failure(),
                s.cause() == null ? null : stackTrace(s.cause()));
    }

    private void updateSummary() {
        List<JobSnapshot> active = rows.stream().map(JobRowModel::snapshot).filter(JobSnapshot::isActive).toList();
        activeCount.set(active.size());
        hasFinished.set(rows.size() > active.size());
        if (active.isEmpty()) {
            summary.set("No jobs running");
            summaryProgress.set(0);
        } else if (active.size() == 1) {
            JobSnapshot only = active.getFirst();
            summary.set(only.progress() >= 0 && only.isRunning()
                    ? "%s %d%%".formatted(only.title(), Math.round(only.progress() * 100))
                    : only.title() + (only.isRunning() ? "" : " (queued)"));
            summaryProgress.set(only.isRunning() ? only.progress() : -1);
        } else {
            summary.set(active.size() + " jobs running");
            boolean allKnown = active.stream().allMatch(s -> s.isRunning() && s.progress() >= 0);
            summaryProgress.set(allKnown ? active.stream().mapToDouble(JobSnapshot::progress).average().orElse(0) : -1);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    public ObservableList<JobRowModel> rows() {
        return rows;
    }

    /** Jobs queued or running. */
    public ReadOnlyIntegerProperty activeCountProperty() {
        return activeCount;
    }

    /** "Importing sales.csv 42%", "2 jobs running" or "No jobs running". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** Progress of the running work for the status bar: [0, 1], or negative when unknown. */
    public ReadOnlyDoubleProperty summaryProgressProperty() {
        return summaryProgress;
    }

    public ReadOnlyBooleanProperty hasFinishedProperty() {
        return hasFinished;
    }
}
