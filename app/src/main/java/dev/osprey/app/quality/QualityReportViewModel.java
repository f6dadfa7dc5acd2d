package dev.osprey.app.quality;

import dev.osprey.app.AppContext;
import dev.osprey.app.jobpage.Failures;
import dev.osprey.app.jobpage.JobStatusModel;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobEvent;
import dev.osprey.core.quality.HtmlReport;
import dev.osprey.core.quality.QualityReport;
import dev.osprey.core.quality.QualityRequest;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of a data quality report for one dataset: the target to report on, the running job's
 * progress, the finished report or why it failed, and the HTML export. The report runs as a job
 * of the job center; its progress reaches the UI through {@link AppContext#uiExecutor()},
 * coalesced (latest wins) so a burst of events is one UI update. Holds no Node.
 */
public final class QualityReportViewModel extends JobStatusModel<QualityReportViewModel.State, QualityReport> {
    private static final Logger LOG = LoggerFactory.getLogger(QualityReportViewModel.class);
    /** Shown in the target choice for "no target". */
    public static final String NO_TARGET = "(no target)";

    /** Where the report is in its life. */
    public enum State implements JobStatusModel.Phase {
        IDLE, RUNNING, DONE, FAILED, CANCELLED;

        @Override
        public boolean isRunning() {
            return this == RUNNING;
        }
    }

    private final AppContext app;
    private final DatasetId dataset;
    private final ReadOnlyStringWrapper datasetName = new ReadOnlyStringWrapper(this, "datasetName", "");
    private final ReadOnlyObjectWrapper<QualityReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final StringProperty target = new SimpleStringProperty(this, "target", NO_TARGET);
    private final ObservableList<String> targetChoices = FXCollections.observableArrayList(NO_TARGET);

    /**
     * A report on {@code dataset}; {@code target} empty means the dataset's TARGET-role column, if
     * any. Nothing runs until {@link #start()}.
     */
    public QualityReportViewModel(AppContext app, DatasetId dataset, Optional<String> target) {
        super(State.IDLE, -1);
        this.app = Objects.requireNonNull(app);
        this.dataset = Objects.requireNonNull(dataset);
        // null: "the dataset's own target", settled when the dataset is read
        this.target.set(target.map(String::strip).filter(t -> !t.isEmpty()).orElse(null));
    }

    public ReadOnlyStringProperty datasetNameProperty() {
        return datasetName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QualityReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The target column of the next report ({@link #NO_TARGET} for none). */
    public StringProperty targetProperty() {
        return target;
    }

    /** {@link #NO_TARGET} and the dataset's columns, once read. */
    public ObservableList<String> targetChoices() {
        return targetChoices;
    }

    public DatasetId dataset() {
        return dataset;
    }

    /** Starts the report when none has run yet (what the view does when it opens). */
    public void startIfIdle() {
        if (state.get() == State.IDLE) {
            start();
        }
    }

    /**
     * Makes the report as a job. The future completes once the outcome is on screen: with the
     * report, or null when it failed or was cancelled (never exceptionally).
     */
    public CompletableFuture<QualityReport> start() {
        Engine engine = app.engine();
        if (state.get().isRunning()) {
            return CompletableFuture.completedFuture(null);
        }
        if (engine == null) {
            failure.set("No workspace is open.");
            state.set(State.FAILED);
            return CompletableFuture.completedFuture(null);
        }
        long g = ++generation;
        String chosen = target.get();
        Optional<String> requested = chosen == null ? Optional.empty()
                : chosen.equals(NO_TARGET) ? Optional.of(NO_TARGET) : Optional.of(chosen);
        failure.set(null);
        progress.set(-1);
        message.set("Waiting for a free worker");
        state.set(State.RUNNING);
        Coalescer coalescer = new Coalescer(g);
        Job<QualityReport> submitted = app.jobs().submit("Quality report", ctx -> {
            Dataset d = engine.datasets().get(dataset);
            app.uiExecutor().execute(() -> showDataset(g, d));
            // Nothing chosen yet: the dataset's own TARGET-role column, if it has one.
            Optional<String> t = requested.isEmpty() ? d.target().map(Column::name) : requested.filter(x -> !x.equals(NO_TARGET));
            return engine.quality().profile(QualityRequest.of(dataset, t), ctx);
        });
        submitted.subscribe(coalescer);
        job = submitted;
        return submitted.result().handle((done, error) -> {
            CompletableFuture<QualityReport> shown = new CompletableFuture<>();
            app.uiExecutor().execute(() -> {
                finish(g, done, error);
                shown.complete(error == null ? done : null);
            });
            return shown;
        }).thenCompose(f -> f);
    }

    /** Asks the running report to stop. */
    public void cancel() {
        stopJob("Cancelling\u2026");
    }

    /**
     * Writes the shown report to {@code file} as self-contained HTML (atomically), as a job. The
     * future completes on the UI executor with the file, or null when it failed (the user was told).
     */
    public CompletableFuture<Path> exportHtml(Path file) {
        QualityReport r = report.get();
        if (r == null) {
            return CompletableFuture.completedFuture(null);
        }
        Job<Path> export = app.jobs().submit("Export quality report", ctx -> {
            HtmlReport.write(r, file);
            return file;
        });
        return export.result().handle((done, error) -> {
            CompletableFuture<Path> shown = new CompletableFuture<>();
            app.uiExecutor().execute(() -> {
                if (error != null) {
                    Throwable cause = Failures.unwrap(error);
                    LOG.warn("Exporting the quality report to {} failed", file, cause);
                    app.dialogs().showError("Cannot export the report", "Cannot write " + file + ": " + cause.getMessage(), null);
                    shown.complete(null);
                } else {
                    app.dialogs().notify("Exported the report to " + file.getFileName() + ".");
                    shown.complete(done);
                }
            });
            return shown;
        }).thenCompose(f -> f);
    }

    private void showDataset(long g, Dataset d) {
        if (g != generation) {
            return;
        }
        datasetName.set(d.name());
        String current = target.get();
        if (targetChoices.size() == 1) {
            // Only appended, never replaced: a combo box bound to the target loses its value when its items are replaced.
            d.columns().forEach(c -> targetChoices.add(c.name()));
        }
        if (current == null) {
            target.set(d.target().map(Column::name).orElse(NO_TARGET));
        }
    }

    private void finish(long g, QualityReport done, Throwable error) {
        if (g != generation) {
            return;
        }
        job = null;
        if (error == null) {
            report.set(done);
            progress.set(1);
            message.set("");
            target.set(done.target().map(t -> t.column()).orElse(NO_TARGET));
            state.set(State.DONE);
            return;
        }
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof CancellationException) {
            message.set("Cancelled");
            state.set(State.CANCELLED);
            return;
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        LOG.info("Quality report of {} failed: {}", dataset, text);
        failure.set(text);
        message.set("");
        state.set(State.FAILED);
    }

    /** Keeps the latest progress and lets at most one UI update wait at a time. */
    private final class Coalescer implements java.util.function.Consumer<JobEvent> {
        private final long g;
        private final AtomicReference<JobEvent.Progress> latest = new AtomicReference<>();
        private final AtomicBoolean pending = new AtomicBoolean();

        Coalescer(long g) {
            this.g = g;
        }

        @Override
        public void accept(JobEvent event) {
            if (event instanceof JobEvent.Progress p) {
                latest.set(p);
                if (pending.compareAndSet(false, true)) {
                    app.uiExecutor().execute(this::apply);
                }
            }
        }

        private void apply() {
            pending.set(false);
            JobEvent.Progress p = latest.get();
            if (p != null && g == generation && state.get().isRunning()) {
                progress.set(p.fraction());
                if (!message.get().startsWith("Cancelling")) {
                    message.set(p.message());
                }
            }
        }
    }
}
