package dev.osprey.app.tune;

import dev.osprey.core.tune.Param;
import dev.osprey.core.tune.SearchSpace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.stream.Collectors;

/**
 * One editable parameter of the search space: name, kind, and bounds (or choices) as typed.
 * {@link #errorProperty()} is maintained by the setup, which knows the algorithm. Holds no nodes.
 */
public final class SpaceRow {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ParamKind> kind = new SimpleObjectProperty<>(this, "kind", ParamKind.INT);
    private final StringProperty low = new SimpleStringProperty(this, "low", "");
    private final StringProperty high = new SimpleStringProperty(this, "high", "");
    private final StringProperty choices = new SimpleStringProperty(this, "choices", "");
    private final StringProperty error = new SimpleStringProperty(this, "error");

    public SpaceRow() {
    }

    /** A row showing {@code p} as the engine describes it. */
    public static SpaceRow of(Param p) {
        SpaceRow row = new SpaceRow();
        row.name.set(p.name());
        row.kind.set(ParamKind.of(p));
        switch (p) {
            case Param.IntParam i -> {
                row.low.set(Integer.toString(i.lowValue()));
                row.high.set(Integer.toString(i.highValue()));
            }
            case Param.FloatParam f -> {
                row.low.set(number(f.lowValue()));
                row.high.set(number(f.highValue()));
            }
            case Param.CategoricalParam c -> row.choices.set(String.join(", ", c.choices()));
        }
        return row;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ParamKind> kindProperty() {
        return kind;
    }

    public StringProperty lowProperty() {
        return low;
    }

    public StringProperty highProperty() {
        return high;
    }

    /** Comma-separated choices of a categorical row. */
    public StringProperty choicesProperty() {
        return choices;
    }

    /** Why the row is not a valid parameter, in the engine's words; null when it is. */
    public StringProperty errorProperty() {
        return error;
    }

    /** The space text of this row, e.g. {@code max_depth=int(3,10)}. */
    public String text() {
        ParamKind k = kind.get();
        String args = k.isRange() ? strip(low.get()) + "," + strip(high.get())
                : java.util.Arrays.stream(strip(choices.get()).split(",")).map(String::strip)
                .collect(Collectors.joining(","));
        return strip(name.get()) + "=" + k.word() + "(" + args + ")";
    }

    /** The parameter the row describes; IllegalArgumentException with the engine's message when it is not one. */
    public Param toParam() {
        if (strip(name.get()).isEmpty()) {
            throw new IllegalArgumentException("Give the parameter a name (an option of the algorithm).");
        }
        if (kind.get().isRange() && (strip(low.get()).isEmpty() || strip(high.get()).isEmpty())) {
            throw new IllegalArgumentException(strip(name.get()) + ": a range needs two bounds, e.g. int(3,10).");
        }
        if (!kind.get().isRange() && strip(choices.get()).isEmpty()) {
            throw new IllegalArgumentException(strip(name.get()) + ": give at least one choice, separated by commas.");
        }
        return SearchSpace.parse(text()).params().getFirst();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
