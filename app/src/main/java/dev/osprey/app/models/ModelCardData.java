package dev.osprey.app.models;

import dev.osprey.core.experiment.Run;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.TrainedModel;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A version's model card as the page shows it: the loaded model (signature, metrics, feature
 * importance, algorithm and options) and the run that trained it (provenance), when still known.
 */
public record ModelCardData(ModelVersion version, TrainedModel model, Optional<Run> run) {
    public ModelCardData {
        Objects.requireNonNull(version);
        Objects.requireNonNull(model);
        Objects.requireNonNull(run);
    }

    public ModelSignature signature() {
        return model.signature();
    }

    public Map<String, Double> metrics() {
        return model.metrics();
    }

    public Map<String, Double> importance() {
        return model.importance().byColumn();
    }

    public String importanceMethod() {
        return model.importance().method();
    }
}
