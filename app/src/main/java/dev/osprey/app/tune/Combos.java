package dev.osprey.app.tune;

import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

import java.util.function.Function;

/** Small helpers for combo boxes shared by the Tuning and AutoML tabs. */
public final class Combos {
    private Combos() {
    }

    /**
     * Keeps {@code combo} and {@code property} in step; the null a combo sets while its items are
     * replaced does not reach the property.
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

    /** Shows items as {@code text} says, in the list and in the button ({@code null} item as {@code nullText}). */
    public static <T> void label(ComboBox<T> combo, Function<T, String> text) {
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
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? combo.getPromptText() : text.apply(item));
            }
        });
    }
}
