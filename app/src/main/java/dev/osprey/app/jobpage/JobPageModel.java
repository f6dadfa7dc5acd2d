package dev.osprey.app.jobpage;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.job.Job;
import dev.osprey.core.registry.ModelVersion;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What the Training, Tuning and AutoML pages' view models share besides the job's status
 * ({@link JobStatusModel}): the form's Start and the result's Register rules, reading the form,
 * calls on the page's own thread, and registering the result's model. State is read and written
 * on the UI executor; work runs on the page's {@code io} executor and comes back through
 * {@link AppContext#uiExecutor()}. Holds no nodes.
 *
 * @param <S> the page's run states
 * @param <R> what the page's job returns
 */
public abstract class JobPageModel<S extends JobStatusModel.Phase, R> extends JobStatusModel<S, R> {
    protected final AppContext app;
    protected final Executor io;
    protected final StringProperty modelName = new SimpleStringProperty(this, "modelName", "");
    protected final ReadOnlyBooleanWrapper registering = new ReadOnlyBooleanWrapper(this, "registering");
    protected final ReadOnlyObjectWrapper<ModelVersion> registered = new ReadOnlyObjectWrapper<>(this, "registered");
    private BooleanBinding canStart;
    private BooleanBinding canRegister;

    protected JobPageModel(AppContext app, Executor io, S idle) {
        super(idle, 0);
        this.app = Objects.requireNonNull(app);
        this.io = Objects.requireNonNull(io);
    }

    /** The page's rules for its Start and Register buttons; its constructor sets them, once its own state exists. */
    protected final void rules(BooleanBinding canStart, BooleanBinding canRegister) {
        this.canStart = Objects.requireNonNull(canStart);
        this.canRegister = Objects.requireNonNull(canRegister);
    }

    // --- state the view binds to ------------------------------------------------------------------

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canRegisterProperty() {
        return canRegister;
    }

    public StringProperty modelNameProperty() {
        return modelName;
    }

    /** The version the result was registered as, or null. */
    public ReadOnlyObjectProperty<ModelVersion> registeredProperty() {
        return registered.getReadOnlyProperty();
    }

    // --- for the pages ----------------------------------------------------------------------------

    /**
     * What the form describes when a job may start now (a workspace is open and {@link #canStartProperty()}
     * holds), else null; null too after telling the user (dialog {@code errorTitle}) what the form's
     * own checks let through.
     */
    protected final <T> T fromForm(Supplier<T> form, String errorTitle) {
        if (!canStart.get() || app.engine() == null) {
            return null;
        }
        try {
            return form.get();
        } catch (IllegalArgumentException e) {
            app.dialogs().showError(errorTitle, e.getMessage(), null);
            return null;
        }
    }

    /** The model name to register the result under when {@link #canRegisterProperty()} holds and a workspace is open, else null. */
    protected final String nameToRegister() {
        return canRegister.get() && app.engine() != null ? modelName.get().strip() : null;
    }

    /** Makes {@code submitted} the running job; {@code then} gets its end on the UI executor. */
    protected final <T> CompletableFuture<T> follow(Job<R> submitted, BiFunction<? super R, Throwable, ? extends T> then) {
        job = submitted;
        return submitted.result().handleAsync(then, app.uiExecutor());
    }

    /** {@code work} on the page's thread; {@code then} gets its answer (or failure) on the UI executor. */
    protected final <T, U> CompletableFuture<U> inBackground(Engine engine, PageWorker.EngineCall<T> work,
                                                            BiFunction<? super T, Throwable, ? extends U> then) {
        return PageWorker.supply(engine, work, io).handleAsync(then, app.uiExecutor());
    }

    /** Registers in the background, {@code registering} set meanwhile (no second Register until it ends); {@code then} as for {@link #inBackground}. */
    protected final CompletableFuture<ModelVersion> registerInBackground(Engine engine, PageWorker.EngineCall<ModelVersion> call,
                                                             BiFunction<ModelVersion, Throwable, ModelVersion> then) {
        registering.set(true);
        return inBackground(engine, call, (version, error) -> {
            registering.set(false);
            return then.apply(version, error);
        });
    }

    /** Tells the user the model is registered; {@code shown}: its result is still on screen and shows the version. */
    protected final ModelVersion announce(ModelVersion version, boolean shown) {
        if (shown) {
            registered.set(version);
        }
        app.dialogs().notify("Registered " + version.name() + " version " + version.version() + ".");
        return version;
    }
}
