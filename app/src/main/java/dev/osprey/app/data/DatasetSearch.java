package dev.osprey.app.data;

import dev.osprey.core.data.Dataset;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;

/**
 * What the Data page's list shows: the datasets whose name, format or source path holds the search
 * text (ignoring case and the spaces around it), in catalog order; an empty search shows them all.
 */
final class DatasetSearch {
    private final StringProperty text;
    private final FilteredList<Dataset> visible;

    /** {@code bean} owns the search property (the page's view model). */
    DatasetSearch(Object bean, ObservableList<Dataset> datasets) {
        this.text = new SimpleStringProperty(bean, "search", "");
        this.visible = new FilteredList<>(datasets);
        text.addListener((o, a, b) -> {
            String needle = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(needle.isEmpty() ? null : d -> matches(d, needle));
        });
    }

    StringProperty textProperty() {
        return text;
    }

    ObservableList<Dataset> visible() {
        return visible;
    }

    /** The dataset the list shows after {@code gone} (before it when it was last), or null. */
    Dataset neighbour(Dataset gone) {
        List<Dataset> shown = List.copyOf(visible);
        int at = -1;
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(gone.id())) {
                at = i;
            }
        }
        if (at < 0 || shown.size() == 1) {
            return null;
        }
        return at + 1 < shown.size() ? shown.get(at + 1) : shown.get(at - 1);
    }

    private static boolean matches(Dataset d, String needle) {
        return d.name().toLowerCase(Locale.ROOT).contains(needle)
               || d.format().label().toLowerCase(Locale.ROOT).contains(needle)
               || (d.sourcePath() != null && d.sourcePath().toLowerCase(Locale.ROOT).contains(needle));
    }
}
