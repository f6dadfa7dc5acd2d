package dev.osprey.app.models;

import dev.osprey.core.Engine;
import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * What the Models page reads from the registry and the experiments off the UI thread, and how a
 * failed read is told to the user. Plain static reads, no state.
 */
final class RegistryReads {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryReads.class);

    /** A model's versions and, per version number, the validation metrics of the run that trained it. */
    record Versions(List<ModelVersion> versions, Map<Integer, Map<String, Double>> metrics) {
    }

    private RegistryReads() {
    }

    /** Each version's validation metrics, from the run that trained it (one catalog read per version). */
    static Versions withMetrics(Engine engine, List<ModelVersion> list) {
        Map<Integer, Map<String, Double>> metrics = new HashMap<>();
        for (ModelVersion v : list) {
            if (v.run().isPresent()) {
                try {
                    engine.experiments().find(v.run().get()).ifPresent(r -> metrics.put(v.version(), r.metrics()));
                } catch (ExperimentException e) {
                    LOG.warn("Cannot read the run behind {}", v, e);
                }
            }
        }
        return new Versions(list, metrics);
    }

    /** The model file of {@code v} (checked and filtered by the registry) and the run behind it, if still there. */
    static ModelCardData card(Engine engine, ModelVersion v) throws RegistryException {
        TrainedModel model = engine.registry().load(v.name(), v.version());
        Optional<Run> run = Optional.empty();
        if (v.run().isPresent()) {
            try {
                run = engine.experiments().find(v.run().get());
            } catch (ExperimentException e) {
                LOG.warn("Cannot read the run behind {}", v, e); // the card still shows what the model file holds
            }
        }
        return new ModelCardData(v, model, run);
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The message for the user: the registry's and the model's own messages are written for them. */
    static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        if ((e instanceof RegistryException || e instanceof IllegalArgumentException) && m != null && !m.isBlank()) {
            return m;
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ").";
    }
}
