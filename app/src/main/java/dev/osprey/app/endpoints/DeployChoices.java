package dev.osprey.app.endpoints;

import dev.osprey.core.Engine;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegisteredModel;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** Fills the deploy form's model and version choices from the registry, off the UI thread. */
final class DeployChoices {
    private final DeployForm form;
    private final Executor io;
    private final Executor ui;
    private final Supplier<Engine> engine;
    private final BiConsumer<String, Exception> fail;
    private Integer pendingVersion;

    DeployChoices(DeployForm form, Executor io, Executor ui, Supplier<Engine> engine, BiConsumer<String, Exception> fail) {
        this.form = form;
        this.io = io;
        this.ui = ui;
        this.engine = engine;
        this.fail = fail;
    }

    /** Reads the registered models for the form (when the page is shown). */
    void refresh() {
        Engine e = engine.get();
        if (e == null) {
            return;
        }
        io.execute(() -> {
            try {
                List<String> names = e.registry().models().stream().map(RegisteredModel::name).sorted().toList();
                ui.execute(() -> {
                    String keep = form.modelProperty().get();
                    form.models().setAll(names);
                    if (keep != null && names.contains(keep)) {
                        form.modelProperty().set(keep);
                    } else if (!names.isEmpty() && keep == null) {
                        form.modelProperty().set(names.getFirst());
                    }
                });
            } catch (Exception ex) {
                fail.accept("Cannot read the registered models", ex);
            }
        });
    }

    /** Fills the form with a model version (the Models page's "Deploy…"). */
    void preselect(String model, int version) {
        pendingVersion = version;
        if (!form.models().contains(model)) {
            form.models().add(model);
        }
        if (Objects.equals(form.modelProperty().get(), model)) {
            loadVersions(model);
        } else {
            form.modelProperty().set(model);
        }
    }

    void loadVersions(String model) {
        Engine e = engine.get();
        form.versions().clear();
        form.versionProperty().set(null);
        if (model == null || e == null) {
            return;
        }
        io.execute(() -> {
            try {
                List<Integer> vs = e.registry().versions(model).stream().map(ModelVersion::version).toList();
                ui.execute(() -> {
                    if (!Objects.equals(form.modelProperty().get(), model)) {
                        return;
                    }
                    form.versions().setAll(vs);
                    Integer want = pendingVersion != null && vs.contains(pendingVersion) ? pendingVersion
                            : vs.isEmpty() ? null : vs.getFirst();
                    pendingVersion = null;
                    form.versionProperty().set(want);
                });
            } catch (Exception ex) {
                fail.accept("Cannot read the versions of " + model, ex);
            }
        });
    }
}
