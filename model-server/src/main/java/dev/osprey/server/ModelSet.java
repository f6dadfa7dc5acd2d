package dev.osprey.server;

import dev.osprey.server.http.HttpStatusException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The models a server serves, by name, in the order given (the first one answers
 * {@code /invocations} unless a request names another). Each name holds its current version in
 * an atomic reference: a swap replaces it in one step, and requests that already took the old
 * version finish with it, so no request in flight is dropped.
 */
final class ModelSet {
    private final Map<String, AtomicReference<LoadedModel>> byName = new LinkedHashMap<>();
    private final AtomicReference<LoadedModel> first;

    ModelSet(List<LoadedModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("A server needs at least one model.");
        }
        for (LoadedModel m : models) {
            if (byName.putIfAbsent(m.name(), new AtomicReference<>(m)) != null) {
                throw new IllegalArgumentException("The model '" + m.name() + "' is given twice; serve one version per name.");
            }
        }
        first = byName.get(models.getFirst().name());
    }

    LoadedModel first() {
        return first.get();
    }

    /** The current version of {@code name}; 404 naming the served models when it is not served. */
    LoadedModel get(String name) throws HttpStatusException {
        AtomicReference<LoadedModel> ref = byName.get(name);
        if (ref == null) {
            throw new HttpStatusException(404, "There is no model '" + name + "' on this server; it serves "
                    + String.join(", ", byName.keySet()) + ".");
        }
        return ref.get();
    }

    boolean serves(String name) {
        return byName.containsKey(name);
    }

    /** Installs {@code next} in place of the served version of its name; returns the previous one. */
    LoadedModel swap(LoadedModel next) throws HttpStatusException {
        AtomicReference<LoadedModel> ref = byName.get(next.name());
        if (ref == null) {
            throw new HttpStatusException(404, "There is no model '" + next.name() + "' on this server to swap; it serves "
                    + String.join(", ", byName.keySet()) + ".");
        }
        return ref.getAndSet(next);
    }

    List<LoadedModel> all() {
        List<LoadedModel> out = new ArrayList<>(byName.size());
        for (AtomicReference<LoadedModel> r : byName.values()) {
            out.add(r.get());
        }
        return out;
    }
}
