package dev.osprey.app.endpoints;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.deploy.BatchRequest;
import dev.osprey.core.deploy.BatchSummary;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The batch transform panel: input and output files, the model version (the deploy form's
 * choice), join the input columns or not; runs the transform as a job with progress and cancel
 * and shows its summary. Progress events arrive on the job's thread and are coalesced: at most
 * one update waits for the UI thread at a time.
 */
public final class BatchPanelModel {
    private final AppContext app;
    private final DeployForm form;
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final BooleanProperty joinInput = new SimpleBooleanProperty(this, "joinInput", true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private volatile Job<BatchSummary> job;

    BatchPanelModel(AppContext app, DeployForm form) {
        this.app = app;
        this.form = form;
        input.addListener((o, a, in) -> {
            if (in != null && !in.isBlank() && (output.get().isBlank() || output.get().equals(defaultOutput(a)))) {
                output.set(defaultOutput(in));
            }
        });
    }

    public StringProperty inputProperty() {
        return input;
    }

    public StringProperty outputProperty() {
        return output;
    }

    public BooleanProperty joinInputProperty() {
        return joinInput;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** In [0, 1], or negative while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "1,000 rows scored, 2 rejected (reasons in out.csv.rejected.csv)" after a run. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    static String defaultOutput(String in) {
        if (in == null || in.isBlank()) {
            return "";
        }
        Path p;
        try {
            p = Path.of(in.strip());
        } catch (java.nio.file.InvalidPathException notYetAPath) {
            return "";
        }
        if (p.getFileName() == null) { // "/" while the user is still typing
            return "";
        }
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return p.resolveSibling(stem + "-scored.csv").toString();
    }

    public void run() {
        Engine e = app.engine();
        if (running.get()) {
            return;
        }
        BatchRequest request;
        try {
            if (e == null) {
                throw new IllegalArgumentException("Open a workspace first.");
            }
            if (form.modelProperty().get() == null || form.versionProperty().get() == null) {
                throw new IllegalArgumentException("Choose a model and a version.");
            }
            if (input.get().isBlank() || output.get().isBlank()) {
                throw new IllegalArgumentException("Choose an input file and an output file.");
            }
            request = new BatchRequest(form.modelProperty().get(), form.versionProperty().get(), Path.of(input.get().strip()),
                    Path.of(output.get().strip()), joinInput.get());
        } catch (IllegalArgumentException ex) {
            error.set(ex.getMessage());
            return;
        }
        error.set("");
        summary.set("");
        message.set("Starting\u2026");
        progress.set(-1);
        running.set(true);
        Job<BatchSummary> j = e.batch().submit(app.jobs(), request);
        job = j;
        j.subscribe(ev -> {
            if (ev instanceof JobEvent.Progress && updatePending.compareAndSet(false, true)) {
                app.uiExecutor().execute(() -> {
                    updatePending.set(false);
                    progress.set(j.progress());
                    message.set(j.message());
                });
            }
        });
        j.result().whenComplete((s, ex) -> app.uiExecutor().execute(() -> finished(s, ex)));
    }

    public void cancel() {
        Job<BatchSummary> j = job;
        if (j != null) {
            j.cancel();
        }
    }

    private void finished(BatchSummary s, Throwable ex) {
        running.set(false);
        job = null;
        Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause == null) {
            progress.set(1);
            message.set("");
            summary.set(String.format(Locale.ROOT, "%,d rows scored, %,d rejected%s \u00b7 %,.0f rows/s \u00b7 %s",
                    s.rowsScored(), s.rowsRejected(), s.rejectedFile().map(f -> " (line and reason in " + f.getFileName() + ")")
                            .orElse(""), s.rowsPerSecond(), s.output()));
        } else if (cause instanceof CancellationException) {
            progress.set(0);
            message.set("");
            summary.set("Cancelled; the output file was not written.");
        } else {
            progress.set(0);
            message.set("");
            error.set(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }
}
