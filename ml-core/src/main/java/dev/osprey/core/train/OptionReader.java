package dev.osprey.core.train;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Parses an algorithm's flat option map: unknown keys and malformed numbers get a plain message. */
final class OptionReader {
    private final Map<String, String> values;

    /** Knows the keys of {@code defaults}' flat map, so the options a record writes are the ones it reads. */
    OptionReader(String algorithm, Map<String, String> values, AlgorithmOptions defaults) throws TrainingException {
        this(algorithm, values, defaults.toMap().keySet());
    }

    OptionReader(String algorithm, Map<String, String> values, Set<String> known) throws TrainingException {
        this.values = values;
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new TrainingException(algorithm + " has no option '" + key + "'"
                        + (known.isEmpty() ? "; it takes no options." : "; its options are " + String.join(", ", new TreeSet<>(known)) + "."));
            }
        }
    }

    int integer(String key, int fallback) throws TrainingException {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new TrainingException(key + " must be a whole number, not '" + v + "'");
        }
    }

    double decimal(String key, double fallback) throws TrainingException {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TrainingException(key + " must be a number, not '" + v + "'");
        }
    }

    /** One of {@code allowed} (case-insensitive), as written in {@code allowed}. */
    String choice(String key, String fallback, java.util.List<String> allowed) throws TrainingException {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.strip())) {
                return a;
            }
        }
        throw new TrainingException(key + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
    }

    /** Runs a record constructor, turning its range check into a TrainingException. */
    static <T> T build(java.util.function.Supplier<T> constructor) throws TrainingException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    /** "max_depth must be between 1 and 32, not 0" */
    static void range(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(key + " must be between " + fmt(min) + " and " + fmt(max) + ", not " + fmt(value));
        }
    }

    /** "eta must be greater than 0 and at most 1, not 0" */
    static void openRange(String key, double value, double min, double max) {
        if (!(value > min && value <= max)) {
            throw new IllegalArgumentException(key + " must be greater than " + fmt(min) + " and at most " + fmt(max)
                    + ", not " + fmt(value));
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
