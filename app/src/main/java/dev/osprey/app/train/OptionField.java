package dev.osprey.app.train;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One hyperparameter in the generated form: its key (as the algorithm names it), its kind (read
 * from the default's text, since the flat option map is all strings), the default, and the text
 * the user typed. {@link #invalidProperty()} marks the field the validation message is about.
 */
public final class OptionField {
    /** What a field accepts as the user types; the algorithm's own validation still decides. */
    public enum Kind {
        INTEGER, DECIMAL, BOOLEAN, TEXT;

        private static final Pattern WHOLE = Pattern.compile("-?\\d+");

        static Kind of(String defaultText) {
            if (defaultText == null) {
                return TEXT;
            }
            String s = defaultText.strip();
            if (WHOLE.matcher(s).matches()) {
                return INTEGER;
            }
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return BOOLEAN;
            }
            try {
                Double.parseDouble(s);
                return DECIMAL;
            } catch (NumberFormatException e) {
                return TEXT;
            }
        }

        /** True when {@code partial} may become a value of this kind (typing "-" or "1e" on the way). */
        public boolean accepts(String partial) {
            return switch (this) {
                case INTEGER -> partial.matches("-?\\d*");
                case DECIMAL -> partial.matches("-?\\d*\\.?\\d*([eE][-+]?\\d*)?");
                case BOOLEAN, TEXT -> true;
            };
        }

        public String label() {
            return switch (this) {
                case INTEGER -> "whole number";
                case DECIMAL -> "number";
                case BOOLEAN -> "yes / no";
                case TEXT -> "text";
            };
        }
    }

    private final String key;
    private final Kind kind;
    private final String defaultText;
    private final StringProperty text;
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");

    OptionField(String key, String defaultText) {
        this.key = Objects.requireNonNull(key);
        this.defaultText = defaultText == null ? "" : defaultText;
        this.kind = Kind.of(this.defaultText);
        this.text = new SimpleStringProperty(this, key, this.defaultText);
    }

    public String key() {
        return key;
    }

    /** The key as a reader sees it: {@code max_depth} becomes "max depth". */
    public String label() {
        return key.replace('_', ' ');
    }

    public Kind kind() {
        return kind;
    }

    public String defaultText() {
        return defaultText;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }

    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    void setInvalid(boolean value) {
        invalid.set(value);
    }

    boolean isDefault() {
        return defaultText.equals(text.get() == null ? "" : text.get().strip());
    }
}
