package dev.osprey.app.jobpage;

import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

import java.util.function.Function;

/** Small helpers for the combo boxes of the Training, Tuning and AutoML forms. */
public final class Combos {
    private Combos() {
    }

    /**
     * Keeps {@code combo} and {@code property} in step. Unlike a bidirectional binding, the null a
     * combo box sets while its items are replaced does not reach the property (it would reset, say,
     * the algorithm's hyperparameters each time the list is refilled).
     */
    public static <T> void sync(ComboBox<T> combo, Property<T> property) {
        combo.setValue(property.getValue());
        combo.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != property.getValue()) {
                property.setValue(b);
            }
        });
        property.addListener((o, a, b) -> {
            if (combo.getValue() != b) {
                combo.setValue(b);
            }
        });
        combo.getItems().addListener((ListChangeListener<T>) c -> {
            if (combo.getValue() != property.getValue()) {
                combo.setValue(property.getValue());
            }
        });
    }

    /** Shows items as {@code text} says, in the list and in the button (no item: the prompt). */
    public static <T> void label(ComboBox<T> combo, Function<T, String> text) {
        listLabel(combo, text);
        buttonLabel(combo, text);
    }

    /** Shows items as {@code text} says in the list (the button shows them through the converter). */
    public static <T> void listLabel(ComboBox<T> combo, Function<T, String> text) {
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        combo.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
    }

    /** Shows the chosen item in the button as {@code text} says, e.g. more briefly than in the list (a narrow form). */
    public static <T> void buttonLabel(ComboBox<T> combo, Function<T, String> text) {
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? combo.getPromptText() : text.apply(item));
            }
        });
    }
}
