package dev.osprey.app.train;

import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.TrainingException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyperparameters of the chosen algorithm as editable fields, generated from its
 * {@link Algorithm#defaults()}. Every edit is checked at once by the algorithm's own
 * {@link Algorithm#options(Map)}, so the form shows exactly the message training would fail with.
 */
public final class HyperparameterForm {
    private final ObservableList<OptionField> fields = FXCollections.observableArrayList();
    private final ObservableList<OptionField> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private Algorithm algorithm;

    public ObservableList<OptionField> fields() {
        return fieldsView;
    }

    /** Why the values cannot be used (the algorithm's message), or null when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public OptionField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no option " + key));
    }

    /** Shows the defaults of {@code next} (null: no fields). */
    void load(Algorithm next) {
        algorithm = next;
        if (next == null) {
            fields.clear();
        } else {
            fields.setAll(next.defaults().toMap().entrySet().stream()
                    .map(e -> new OptionField(e.getKey(), e.getValue())).toList());
            fields.forEach(f -> f.textProperty().addListener((o, a, b) -> validate()));
        }
        validate();
    }

    /** Puts every field back to its default. */
    public void reset() {
        fields.forEach(f -> f.setText(f.defaultText()));
    }

    /** The edited values as the flat option map (blank fields are left out: they take the default). */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (OptionField f : fields) {
            String v = f.text() == null ? "" : f.text().strip();
            if (!v.isEmpty()) {
                m.put(f.key(), v);
            }
        }
        return m;
    }

    /** The values that differ from the defaults (what a run's summary mentions). */
    Map<String, String> changed() {
        Map<String, String> m = new LinkedHashMap<>();
        fields.stream().filter(f -> !f.isDefault()).forEach(f -> m.put(f.key(), f.text().strip()));
        return m;
    }

    private void validate() {
        String message = null;
        if (algorithm != null) {
            try {
                algorithm.options(values());
            } catch (TrainingException | RuntimeException e) {
                message = e.getMessage() == null ? "These values cannot be used." : e.getMessage();
            }
        }
        problem.set(message);
        for (OptionField f : fields) {
            // The algorithms' messages start with the key they are about ("max_depth must be between ...").
            f.setInvalid(message != null && (message.startsWith(f.key() + " ") || message.contains("'" + f.key() + "'")));
        }
    }
}
