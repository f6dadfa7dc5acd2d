package dev.osprey.app.models;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.job.JobEvent;
import dev.osprey.core.registry.ApprovalStatus;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegisteredModel;
import dev.osprey.core.registry.RegistryException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The Models page's state: the registered models, the chosen model's versions, the chosen
 * version's model card and a Predict form made from its signature. Changing a version's approval
 * status or aliases writes the registry and reads it again. Registry calls and predictions run
 * on {@code io}; results come back through the context's UI executor.
 */
public final class ModelsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ModelsViewModel.class);

    /** Work on the registry, off the UI thread. */
    @FunctionalInterface
    private interface RegistryCall<T> {
        T call(Engine engine) throws Exception;
    }

    private final AppContext app;
    private final Executor io;
    private final ObservableList<RegisteredModel> models = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RegisteredModel> selectedModel = new ReadOnlyObjectWrapper<>(this, "selectedModel");
    private final ObservableList<ModelVersion> versions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ModelVersion> selectedVersion = new ReadOnlyObjectWrapper<>(this, "selectedVersion");
    private final ReadOnlyObjectWrapper<ModelCardData> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyBooleanWrapper cardLoading = new ReadOnlyBooleanWrapper(this, "cardLoading");
    private final ObservableList<InputField> inputs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PredictionResult> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    // One read-only view each, kept: listeners on a view that is thrown away would be collected with it.
    private final ObservableList<RegisteredModel> modelsView;
    private final ObservableList<ModelVersion> versionsView;
    private final ObservableList<InputField> inputsView;
    private final ReadOnlyStringWrapper predictError = new ReadOnlyStringWrapper(this, "predictError", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final StringProperty aliasDraft = new SimpleStringProperty(this, "aliasDraft", "champion");
    private final BooleanBinding workspaceOpen;
    private Map<Integer, Map<String, Double>> versionMetrics = Map.of();
    private java.util.function.BiConsumer<String, Integer> deployAction = (model, version) -> {
    };
    private long listGeneration;
    private long versionGeneration;

    public ModelsViewModel(AppContext app, Executor io) {
        this.app = Objects.requireNonNull(app);
        this.io = Objects.requireNonNull(io);
        this.modelsView = FXCollections.unmodifiableObservableList(models);
        this.versionsView = FXCollections.unmodifiableObservableList(versions);
        this.inputsView = FXCollections.unmodifiableObservableList(inputs);
        this.workspaceOpen = Bindings.isNotNull(app.engineProperty());
        app.engineProperty().addListener((o, before, after) -> {
            models.clear();
            selectedModel.set(null);
            showVersions(List.of(), null);
            refresh();
        });
        // A training job may have registered a version; job events come on the job's thread.
        app.jobs().addListener(event -> {
            if (event instanceof JobEvent.Succeeded) {
                app.uiExecutor().execute(this::refresh);
            }
        });
    }

    // --- state -------------------------------------------------------------------------------------

    public ObservableList<RegisteredModel> models() {
        return modelsView;
    }

    /** What "Deploy…" does with the chosen version (the studio opens the Endpoints page with it preselected). */
    public void setDeployAction(java.util.function.BiConsumer<String, Integer> action) {
        deployAction = Objects.requireNonNull(action);
    }

    /** Deploys the chosen version through the deploy action; nothing when no version is chosen. */
    public void deploySelected() {
        ModelVersion v = selectedVersion.get();
        if (v != null) {
            deployAction.accept(v.name(), v.version());
        }
    }

    public ReadOnlyObjectProperty<RegisteredModel> selectedModelProperty() {
        return selectedModel.getReadOnlyProperty();
    }

    /** The chosen model's versions, newest first. */
    public ObservableList<ModelVersion> versions() {
        return versionsView;
    }

    public ReadOnlyObjectProperty<ModelVersion> selectedVersionProperty() {
        return selectedVersion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelCardData> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cardLoadingProperty() {
        return cardLoading.getReadOnlyProperty();
    }

    /** One field per input column of the chosen version's signature. */
    public ObservableList<InputField> inputs() {
        return inputsView;
    }

    public ReadOnlyObjectProperty<PredictionResult> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** Why the last prediction failed (a value the model cannot read); empty when it did not. */
    public ReadOnlyStringProperty predictErrorProperty() {
        return predictError.getReadOnlyProperty();
    }

    /** Why the registry could not be read or the card loaded; empty when it could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The alias the "Set alias" action points at the chosen version. */
    public StringProperty aliasDraftProperty() {
        return aliasDraft;
    }

    public BooleanBinding workspaceOpenProperty() {
        return workspaceOpen;
    }

    // --- reading -----------------------------------------------------------------------------------

    /** Reads the models again, keeping the chosen model and version when they still exist. */
    public CompletableFuture<Void> refresh() {
        long gen = ++listGeneration;
        String keepModel = selectedModel.get() == null ? null : selectedModel.get().name();
        Integer keepVersion = selectedVersion.get() == null ? null : selectedVersion.get().version();
        loading.set(app.engine() != null);
        return call(e -> e.registry().models().stream()
                .sorted(Comparator.comparing(RegisteredModel::name, String.CASE_INSENSITIVE_ORDER)).toList(), gen)
                .thenCompose(list -> {
                    if (list == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    loading.set(false);
                    models.setAll(list);
                    RegisteredModel again = list.stream().filter(m -> m.name().equals(keepModel)).findFirst()
                            .orElse(list.isEmpty() ? null : list.getFirst());
                    return selectModel(again, again != null && again.name().equals(keepModel) ? keepVersion : null);
                });
    }

    /** Reads the models again, then selects the one named {@code name} (Home's model entries). */
    public CompletableFuture<Void> showModel(String name) {
        return refresh().thenCompose(v -> models.stream().filter(m -> m.name().equals(name)).findFirst()
                .map(m -> selectedModel.get() == m ? CompletableFuture.<Void>completedFuture(null) : selectModel(m))
                .orElse(CompletableFuture.completedFuture(null)));
    }

    /** Shows the versions of {@code model} and the card of its newest version. */
    public CompletableFuture<Void> selectModel(RegisteredModel model) {
        return selectModel(model, null);
    }

    private CompletableFuture<Void> selectModel(RegisteredModel model, Integer version) {
        selectedModel.set(model);
        if (model == null) {
            showVersions(List.of(), null);
            return CompletableFuture.completedFuture(null);
        }
        long gen = listGeneration;
        return call(e -> RegistryReads.withMetrics(e, e.registry().versions(model.name())), gen).thenCompose(read -> {
            if (read == null || selectedModel.get() != model) {
                return CompletableFuture.completedFuture(null);
            }
            versionMetrics = read.metrics();
            return showVersions(read.versions(), version);
        });
    }

    /** The validation metrics of a version of the chosen model; empty when its run is gone. */
    public Map<String, Double> metricsOf(ModelVersion v) {
        return v == null ? Map.of() : versionMetrics.getOrDefault(v.version(), Map.of());
    }

    private CompletableFuture<Void> showVersions(List<ModelVersion> list, Integer version) {
        versions.setAll(list);
        ModelVersion chosen = list.stream().filter(v -> version != null && v.version() == version).findFirst()
                .orElse(list.isEmpty() ? null : list.getFirst());
        return selectVersion(chosen);
    }

    /** Loads the model card of {@code v} (and builds the Predict form from its signature). */
    public CompletableFuture<Void> selectVersion(ModelVersion v) {
        ModelVersion before = selectedVersion.get();
        selectedVersion.set(v);
        long gen = ++versionGeneration;
        if (v == null) {
            card.set(null);
            inputs.clear();
            clearPrediction();
            cardLoading.set(false);
            return CompletableFuture.completedFuture(null);
        }
        ModelCardData current = card.get();
        if (current != null && sameVersion(current.version(), v) && before != null && sameVersion(before, v)) {
            // Same version read again (a status or alias changed): keep the loaded model and the form.
            card.set(new ModelCardData(v, current.model(), current.run()));
            return CompletableFuture.completedFuture(null);
        }
        cardLoading.set(true);
        return call(e -> RegistryReads.card(e, v), listGeneration).thenAccept(data -> {
            if (gen != versionGeneration) {
                return;
            }
            cardLoading.set(false);
            card.set(data);
            clearPrediction();
            inputs.setAll(data == null ? List.of()
                    : data.signature().inputs().stream().map(InputField::new).toList());
        });
    }

    private static boolean sameVersion(ModelVersion a, ModelVersion b) {
        return a.name().equals(b.name()) && a.version() == b.version();
    }

    // --- changing ----------------------------------------------------------------------------------

    /** Approves, rejects or resets the chosen version. */
    public CompletableFuture<Void> setStatus(ApprovalStatus status) {
        ModelVersion v = selectedVersion.get();
        if (v == null || status == null || status == v.status()) {
            return CompletableFuture.completedFuture(null);
        }
        return change("Cannot change the approval status", e -> e.registry().setStatus(v.name(), v.version(), status));
    }

    /** Points the alias in {@link #aliasDraftProperty()} at the chosen version (moving it from another one). */
    public CompletableFuture<Void> setAlias() {
        ModelVersion v = selectedVersion.get();
        String alias = aliasDraft.get() == null ? "" : aliasDraft.get().strip();
        if (v == null) {
            return CompletableFuture.completedFuture(null);
        }
        return change("Cannot set the alias", e -> e.registry().setAlias(v.name(), alias, v.version()));
    }

    public CompletableFuture<Void> removeAlias(String alias) {
        ModelVersion v = selectedVersion.get();
        if (v == null || alias == null) {
            return CompletableFuture.completedFuture(null);
        }
        return change("Cannot remove the alias", e -> {
            e.registry().removeAlias(v.name(), alias);
            return null;
        });
    }

    private CompletableFuture<Void> change(String title, RegistryCall<?> work) {
        Engine engine = app.engine();
        if (engine == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                work.call(engine);
                return (Throwable) null;
            } catch (Exception e) {
                return (Throwable) e;
            }
        }, io).thenComposeAsync(failure -> {
            if (engine != app.engine()) {
                return CompletableFuture.completedFuture(null);
            }
            if (failure != null) {
                if (!(failure instanceof RegistryException)) {
                    LOG.warn("{}", title, failure);
                }
                app.dialogs().showError(title, message(failure), null);
            }
            return refresh();
        }, app.uiExecutor());
    }

    // --- predicting --------------------------------------------------------------------------------

    /** Scores the form's row with the loaded model, in this process. */
    public CompletableFuture<Void> predict() {
        ModelCardData data = card.get();
        if (data == null) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (InputField f : inputs) {
            row.put(f.name(), f.modelValue());
        }
        long gen = versionGeneration;
        return CompletableFuture.supplyAsync(() -> PredictionResult.of(data.signature().output(), data.model().predict(row)), io)
                .handleAsync((result, failure) -> {
                    if (gen != versionGeneration) {
                        return null;
                    }
                    if (failure != null) {
                        prediction.set(null);
                        predictError.set(message(failure));
                    } else {
                        predictError.set("");
                        prediction.set(result);
                    }
                    return null;
                }, app.uiExecutor());
    }

    /** Empties the form's fields and result. */
    public void clearForm() {
        inputs.forEach(f -> f.setValue(""));
        clearPrediction();
    }

    private void clearPrediction() {
        prediction.set(null);
        predictError.set("");
    }

    /** Runs a registry read on {@code io}; completes with null (and sets the error) when it failed or is stale. */
    private <T> CompletableFuture<T> call(RegistryCall<T> work, long gen) {
        Engine engine = app.engine();
        if (engine == null) {
            loading.set(false);
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call(engine);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, io).handleAsync((value, failure) -> {
            if (engine != app.engine() || gen != listGeneration) {
                return null;
            }
            if (failure != null) {
                Throwable cause = unwrap(failure);
                LOG.warn("Cannot read the model registry of {}", engine.workspace().root(), cause);
                loading.set(false);
                cardLoading.set(false);
                error.set(message(cause));
                return null;
            }
            error.set("");
            return value;
        }, app.uiExecutor());
    }

    private static Throwable unwrap(Throwable t) {
        return RegistryReads.unwrap(t);
    }

    static String message(Throwable t) {
        return RegistryReads.message(t);
    }
}
