package dev.osprey.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One dimension of a search space. Samplers work in an "internal" number line: the value itself
 * for a linear range, its logarithm for a log range, and the choice's index for a categorical
 * parameter; {@link #format(double)} turns an internal point into the option string an algorithm
 * reads, {@link #internal(String)} reads one back (NaN when it is not in the space).
 */
public sealed interface Param {
    String name();

    /** Smallest internal value. */
    double low();

    /** Largest internal value. */
    double high();

    String format(double internal);

    double internal(String value);

    /** The values a grid search visits, at most {@code points} for a continuous range. */
    List<String> grid(int points);

    /** The text form of the space syntax, e.g. {@code int(3,10)}. */
    String describe();

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a parameter name (letters, digits, _ and .).");
        }
    }

    private static void checkRange(String name, double low, double high, boolean log) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(name + ": the range needs two finite numbers.");
        }
        if (low > high) {
            throw new IllegalArgumentException(name + ": the range is inverted (" + fmt(low) + " > " + fmt(high)
                    + "); write the smaller bound first.");
        }
        if (low == high) {
            throw new IllegalArgumentException(name + ": the range is empty (" + fmt(low) + " to " + fmt(high)
                    + "); give two different bounds or leave the parameter out of the space.");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(name + ": a log range needs bounds above 0, not " + fmt(low) + ".");
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }

    /** Whole numbers from {@code low} to {@code high} inclusive; {@code log} samples them on a log scale. */
    record IntParam(String name, int lowValue, int highValue, boolean log) implements Param {
        public IntParam {
            checkName(name);
            checkRange(name, lowValue, highValue, log);
        }

        @Override
        public double low() {
            return log ? Math.log(lowValue - 0.5 > 0 ? lowValue - 0.5 : lowValue) : lowValue - 0.5;
        }

        @Override
        public double high() {
            return log ? Math.log(highValue + 0.5) : highValue + 0.5;
        }

        /** The nearest whole number in range. */
        public int value(double internal) {
            double v = log ? Math.exp(internal) : internal;
            return (int) Math.max(lowValue, Math.min(highValue, Math.round(v)));
        }

        @Override
        public String format(double internal) {
            return Integer.toString(value(internal));
        }

        @Override
        public double internal(String value) {
            try {
                int v = Integer.parseInt(value.strip());
                if (v < lowValue || v > highValue) {
                    return Double.NaN;
                }
                return log ? Math.log(v) : v;
            } catch (NumberFormatException | NullPointerException e) {
                return Double.NaN;
            }
        }

        @Override
        public List<String> grid(int points) {
            List<String> out = new ArrayList<>();
            for (int v = lowValue; v <= highValue; v++) {
                out.add(Integer.toString(v));
            }
            return out;
        }

        @Override
        public String describe() {
            return (log ? "logint(" : "int(") + lowValue + "," + highValue + ")";
        }
    }

    /** A real number from {@code low} to {@code high}; {@code log} samples it on a log scale. */
    record FloatParam(String name, double lowValue, double highValue, boolean log) implements Param {
        public FloatParam {
            checkName(name);
            checkRange(name, lowValue, highValue, log);
        }

        @Override
        public double low() {
            return log ? Math.log(lowValue) : lowValue;
        }

        @Override
        public double high() {
            return log ? Math.log(highValue) : highValue;
        }

        public double value(double internal) {
            double v = log ? Math.exp(internal) : internal;
            return Math.max(lowValue, Math.min(highValue, v));
        }

        @Override
        public String format(double internal) {
            // 6 significant digits: enough for a hyperparameter, and the run parameters stay readable
            return fmt(Double.parseDouble(String.format(Locale.ROOT, "%.6g", value(internal))));
        }

        @Override
        public double internal(String value) {
            try {
                double v = Double.parseDouble(value.strip());
                if (!(v >= lowValue * (1 - 1e-9) - 1e-12 && v <= highValue * (1 + 1e-9) + 1e-12)) {
                    return Double.NaN;
                }
                return log ? Math.log(v) : v;
            } catch (NumberFormatException | NullPointerException e) {
                return Double.NaN;
            }
        }

        @Override
        public List<String> grid(int points) {
            int n = Math.max(2, points);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(format(low() + (high() - low()) * i / (n - 1)));
            }
            return out;
        }

        @Override
        public String describe() {
            return (log ? "log(" : "float(") + fmt(lowValue) + "," + fmt(highValue) + ")";
        }
    }

    /** One of a list of values (strings as the algorithm reads them). */
    record CategoricalParam(String name, List<String> choices) implements Param {
        public CategoricalParam {
            checkName(name);
            choices = List.copyOf(Objects.requireNonNull(choices));
            if (choices.isEmpty()) {
                throw new IllegalArgumentException(name + ": a categorical parameter needs at least one choice.");
            }
            if (choices.stream().anyMatch(c -> c.isBlank())) {
                throw new IllegalArgumentException(name + ": a choice is empty.");
            }
            if (choices.stream().distinct().count() != choices.size()) {
                throw new IllegalArgumentException(name + ": a choice is listed twice.");
            }
        }

        @Override
        public double low() {
            return 0;
        }

        @Override
        public double high() {
            return choices.size() - 1;
        }

        @Override
        public String format(double internal) {
            int i = (int) Math.max(0, Math.min(choices.size() - 1, Math.round(internal)));
            return choices.get(i);
        }

        @Override
        public double internal(String value) {
            int i = choices.indexOf(value == null ? null : value.strip());
            return i < 0 ? Double.NaN : i;
        }

        @Override
        public List<String> grid(int points) {
            return choices;
        }

        @Override
        public String describe() {
            return "cat(" + String.join(",", choices) + ")";
        }
    }
}
