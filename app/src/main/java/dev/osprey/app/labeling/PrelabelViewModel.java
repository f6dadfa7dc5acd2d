package dev.osprey.app.labeling;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobEvent;
import dev.osprey.core.label.PreLabeler;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegisteredModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Pre-label with model…": the registered model versions to choose from, and the pre-labeling
 * run as a background job (through the app's JobService) with its progress and a cancel. Progress
 * events arrive on the job's thread; only the latest reaches the UI executor (one pending at a time).
 */
public final class PrelabelViewModel {
    private final AppContext app;
    private final Executor io;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private volatile Job<PreLabeler.Report> job;

    public PrelabelViewModel(AppContext app, Executor io) {
        this.app = app;
        this.io = io;
    }

    /** {@code NAME:VERSION} of every registered version, newest first per model. */
    public ObservableList<String> models() {
        return models;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What the last run did or why it could not (the refusal names the reason). */
    public StringProperty statusProperty() {
        return status;
    }

    /** Reads the registry's versions again (off the UI thread). */
    public CompletableFuture<List<String>> refreshModels() {
        Engine engine = app.engine();
        if (engine == null) {
            models.clear();
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<String> out = new ArrayList<>();
            try {
                for (RegisteredModel m : engine.registry().models()) {
                    for (ModelVersion v : engine.registry().versions(m.name())) {
                        out.add(v.name() + ":" + v.version());
                    }
                }
            } catch (Exception e) {
                throw new CompletionException(e);
            }
            return out;
        }, io).whenCompleteAsync((list, error) -> {
            if (error == null) {
                models.setAll(list);
            } else {
                status.set("Cannot read the model registry: " + cause(error).getMessage());
            }
        }, app.uiExecutor());
    }

    /**
     * Starts pre-labeling {@code jobName} with {@code modelRef}; the future completes on the UI
     * executor with the line shown to the user (also in {@link #statusProperty()}).
     */
    public CompletableFuture<String> start(String jobName, String modelRef) {
        if (running.get()) {
            return CompletableFuture.completedFuture(status.get());
        }
        Engine engine = app.engine();
        running.set(true);
        progress.set(-1);
        status.set("Pre-labeling " + jobName + " with " + modelRef + "…");
        Job<PreLabeler.Report> submitted = app.jobs().submit("Pre-label " + jobName + " with " + modelRef,
                ctx -> new PreLabeler(engine.workspace(), engine.labeling(), engine.registry()).run(jobName, modelRef, ctx));
        AtomicReference<JobEvent.Progress> latest = new AtomicReference<>();
        AtomicBoolean pending = new AtomicBoolean();
        submitted.subscribe(event -> {
            if (event instanceof JobEvent.Progress p) {
                latest.set(p);
                if (pending.compareAndSet(false, true)) {
                    app.uiExecutor().execute(() -> {
                        pending.set(false);
                        JobEvent.Progress now = latest.get();
                        if (running.get() && now != null && !status.get().startsWith("Cancelling")) {
                            progress.set(now.fraction());
                            status.set(now.message());
                        }
                    });
                }
            }
        });
        job = submitted;
        CompletableFuture<String> shown = new CompletableFuture<>();
        submitted.result().whenComplete((report, error) -> app.uiExecutor().execute(() -> {
            job = null;
            running.set(false);
            String line;
            if (error == null) {
                progress.set(1);
                line = String.format(Locale.ROOT, "Model %s suggested a class for %d items (%d already labelled by people): %s.",
                        report.model(), report.suggested(), report.alreadyLabelled(), report.perClass());
            } else if (cause(error) instanceof CancellationException || submitted.isCancelRequested()) {
                line = "Pre-labeling cancelled; the suggestions made so far are kept.";
            } else {
                line = cause(error).getMessage();
            }
            status.set(line);
            shown.complete(line);
        }));
        return shown;
    }

    public void cancel() {
        Job<PreLabeler.Report> running = job;
        if (running != null) {
            status.set("Cancelling…");
            running.cancel();
        }
    }

    private static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
