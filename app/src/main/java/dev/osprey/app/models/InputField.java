package dev.osprey.app.models;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.train.SignatureColumn;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One field of the Predict form, made from one input column of the model's signature: what the
 * user types (or picks, for a category) and what the model would use when the field is empty.
 */
public final class InputField {
    private final SignatureColumn column;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    InputField(SignatureColumn column) {
        this.column = Objects.requireNonNull(column);
    }

    public String name() {
        return column.name();
    }

    /** "integer", "decimal", "category" ... */
    public String type() {
        return column.type().name().toLowerCase(Locale.ROOT);
    }

    /** True when the model learned a fixed set of values: the form offers them in a combo box. */
    public boolean categorical() {
        return column.oneHot();
    }

    public List<String> categories() {
        return column.categories();
    }

    /** The hint in an empty field: what the model uses for a missing value. */
    public String placeholder() {
        if (column.oneHot()) {
            return column.hasOther() ? "one of the categories, or another value" : "one of the categories";
        }
        return Double.isNaN(column.median()) ? type() : "empty: " + MetricNames.format(column.median());
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get();
    }

    public void setValue(String v) {
        value.set(v);
    }

    /** The value the model receives: null (missing) when blank, else the trimmed text it parses itself. */
    Object modelValue() {
        String v = value.get();
        return v == null || v.isBlank() ? null : v.strip();
    }
}
