package dev.osprey.app.data;

import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The import sheet's state for one chosen file: the dataset name (checked as the user types, by
 * {@link ImportRequest}'s own rule and against the names already in the workspace), the format
 * (detected from the file name, overridable) and copy-or-link.
 */
public final class ImportDraft {
    private final Path source;
    private final boolean formatDetected;
    private final Set<String> takenNames;
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<DataFormat> format = new SimpleObjectProperty<>(this, "format");
    private final ObjectProperty<StorageMode> mode = new SimpleObjectProperty<>(this, "mode", StorageMode.COPY);
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem");
    private final BooleanBinding valid;

    /** @param takenNames names of the workspace's datasets, compared ignoring case */
    ImportDraft(Path source, Set<String> takenNames) {
        this.source = Objects.requireNonNull(source);
        this.takenNames = takenNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        var detected = DataFormat.fromFileName(source);
        this.formatDetected = detected.isPresent();
        // A .txt file is most often delimited text; CSV's reader also sniffs the delimiter.
        format.set(detected.orElse(DataFormat.CSV));
        name.addListener((Observable o) -> nameProblem.set(checkName(name.get())));
        name.set(ImportRequest.of(source).effectiveName());
        valid = Bindings.createBooleanBinding(() -> nameProblem.get() == null && format.get() != null, nameProblem, format);
    }

    public Path source() {
        return source;
    }

    public String fileName() {
        return source.getFileName().toString();
    }

    /** False when the file name said nothing about the format (the sheet asks the user to check it). */
    public boolean formatDetected() {
        return formatDetected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<DataFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<StorageMode> modeProperty() {
        return mode;
    }

    /** Why the typed name cannot be used, or null when it can. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The request to run; only call when {@link #validProperty()} is true. */
    ImportRequest toRequest() {
        return new ImportRequest(source, name.get().strip(), format.get(), mode.get());
    }

    private String checkName(String typed) {
        String n = typed == null ? "" : typed.strip();
        if (n.isEmpty()) {
            return "Give the dataset a name.";
        }
        try {
            new ImportRequest(source, n, null, StorageMode.COPY);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (takenNames.contains(n.toLowerCase(Locale.ROOT))) {
            return "The workspace already has a dataset named '" + n + "'.";
        }
        return null;
    }
}
