package dev.osprey.core.registry;

import dev.osprey.core.json.Json;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.train.SignatureColumn;
import dev.osprey.core.train.TrainedModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content of model.json: what a person or a serving process reads without loading the model. */
final class ModelCard {
    private ModelCard() {
    }

    static String json(String name, int version, Run run, TrainedModel model, String sha256, Instant createdAt) {
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("run_id", run.id().value());
        prov.put("run_started_at", run.startedAt().toString());
        run.endedAt().ifPresent(e -> prov.put("run_ended_at", e.toString()));
        prov.put("params", new java.util.TreeMap<>(run.params()));
        prov.put("tags", new java.util.TreeMap<>(run.tags()));
        return json(name, version, prov, model, sha256, createdAt);
    }

    /** The card of a version without a run in this workspace (imported): {@code provenance} says where it came from. */
    static String json(String name, int version, Map<String, Object> provenance, TrainedModel model, String sha256,
                       Instant createdAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "osprey-model/1");
        m.put("name", name);
        m.put("version", version);
        m.put("created_at", createdAt.toString());
        m.put("model_file", ModelRegistry.MODEL_FILE);
        m.put("sha256", sha256);
        m.put("algorithm", model.algorithm());
        m.put("options", model.options());
        Map<String, Object> sig = new LinkedHashMap<>();
        List<Object> inputs = new ArrayList<>();
        for (SignatureColumn c : model.signature().inputs()) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", c.name());
            in.put("type", c.type().name());
            in.put("encoding", c.oneHot() ? "one-hot" : "numeric");
            if (c.oneHot()) {
                in.put("categories", c.categories());
                in.put("other", c.hasOther());
            } else {
                in.put("missing_value", c.median());
            }
            inputs.add(in);
        }
        sig.put("inputs", inputs);
        sig.put("output", model.signature().output());
        sig.put("problem_type", model.signature().problemType().name());
        sig.put("class_labels", model.signature().classLabels());
        m.put("signature", sig);
        m.put("metrics", model.metrics());
        Map<String, Object> imp = new LinkedHashMap<>();
        imp.put("method", model.importance().method());
        imp.put("by_column", model.importance().byColumn());
        m.put("feature_importance", imp);
        m.put("provenance", provenance);
        return Json.writePretty(m);
    }
}
