package dev.osprey.app;

import dev.osprey.core.Engine;
import dev.osprey.core.job.JobService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The composition root's bag of shared services, passed by constructor to every view model.
 * {@link #engine()} is the open workspace; it changes (on the UI thread) when the user opens
 * another one. {@link #uiExecutor()} is how background results come back to the UI.
 */
public final class AppContext implements AutoCloseable {
    private final AppHome home;
    private final JobService jobs;
    private final DialogService dialogs;
    private final Executor uiExecutor;
    private final ObjectProperty<Engine> engine = new SimpleObjectProperty<>(this, "engine");

    public AppContext(AppHome home, JobService jobs, DialogService dialogs, Executor uiExecutor) {
        this.home = Objects.requireNonNull(home);
        this.jobs = Objects.requireNonNull(jobs);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
    }

    public AppHome home() {
        return home;
    }

    public JobService jobs() {
        return jobs;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public Executor uiExecutor() {
        return uiExecutor;
    }

    public ReadOnlyObjectProperty<Engine> engineProperty() {
        return engine;
    }

    /** The open workspace's engine, or null before one is open. */
    public Engine engine() {
        return engine.get();
    }

    /** Switches to {@code next}, closing the engine that was open. Call on the UI thread. */
    public void switchEngine(Engine next) {
        Engine previous = engine.get();
        engine.set(next);
        if (previous != null && previous != next) {
            previous.close();
        }
    }

    @Override
    public void close() {
        jobs.shutdown(5);
        Engine e = engine.get();
        if (e != null) {
            e.close();
        }
    }
}
