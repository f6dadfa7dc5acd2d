package dev.osprey.app.endpoints;

import dev.osprey.core.train.SignatureColumn;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Locale;

/** One field of the "try it" form, made from one input column of the served version's signature. */
public final class TryField {
    private final SignatureColumn column;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");

    TryField(SignatureColumn column) {
        this.column = column;
    }

    public String name() {
        return column.name();
    }

    public String type() {
        return column.type().name().toLowerCase(Locale.ROOT);
    }

    public boolean numeric() {
        return column.type().isNumeric();
    }

    public List<String> categories() {
        return column.oneHot() ? column.categories() : List.of();
    }

    public StringProperty valueProperty() {
        return value;
    }

    public void setValue(String v) {
        value.set(v);
    }

    /** The JSON value sent: null when blank, a number for a numeric column when it reads as one, else the text. */
    Object jsonValue() {
        String v = value.get() == null ? "" : value.get().strip();
        if (v.isEmpty()) {
            return null;
        }
        if (numeric()) {
            try {
                double d = Double.parseDouble(v);
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return (long) d;
                }
                return d;
            } catch (NumberFormatException notANumber) {
                return v; // sent as typed: the server's 4xx names the problem
            }
        }
        return v;
    }

    /** The value in a CSV row (for the curl command). */
    String csvValue() {
        String v = value.get() == null ? "" : value.get().strip();
        return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
