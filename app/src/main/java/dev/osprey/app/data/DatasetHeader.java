package dev.osprey.app.data;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.StorageMode;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The top of the detail pane: the dataset's name, its facts in a row, and where it came from. */
final class DatasetHeader extends VBox {
    private final Label name = new Label();
    private final Label format = new Label();
    private final Label storage = new Label();
    private final Label rows = fact();
    private final Label columns = fact();
    private final Label size = fact();
    private final Label created = fact();
    private final Label source = new Label();

    DatasetHeader() {
        getStyleClass().add("dataset-header");
        name.getStyleClass().add("dataset-title");
        name.setId("datasetTitle");
        format.getStyleClass().addAll("chip", "chip-format");
        HBox title = new HBox(10, name, format, storage);
        title.setAlignment(Pos.CENTER_LEFT);

        HBox facts = new HBox(28, labelled("Rows", rows), labelled("Columns", columns), labelled("Size", size),
                labelled("Created", created));
        facts.getStyleClass().add("dataset-facts");

        source.getStyleClass().add("dataset-source");
        source.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(source, Priority.ALWAYS);
        getChildren().addAll(title, facts, source);
        setSpacing(10);
    }

    void show(Dataset d) {
        if (d == null) {
            return;
        }
        name.setText(d.name());
        format.setText(d.format().label());
        boolean linked = d.storageMode() == StorageMode.LINK;
        storage.setText(linked ? "Linked file" : "Copy in workspace");
        storage.getStyleClass().setAll("label", "chip", linked ? "chip-link" : "chip-copy");
        rows.setText(Formats.count(d.rowCount()));
        columns.setText(Formats.count(d.columns().size()));
        size.setText(Formats.size(d.sizeBytes()));
        created.setText(Formats.created(d.createdAt()));
        String from = d.sourcePath() == null || d.sourcePath().isBlank() ? d.location().toString() : d.sourcePath();
        source.setText((linked ? "Reads " : "Imported from ") + from);
        source.setTooltip(new Tooltip(linked ? "Linked file: " + from : "Source: " + from + "\nCopy: " + d.location()));
    }

    private static Label fact() {
        Label l = new Label();
        l.getStyleClass().add("fact-value");
        return l;
    }

    private static VBox labelled(String caption, Label value) {
        Label c = new Label(caption.toUpperCase(java.util.Locale.ROOT));
        c.getStyleClass().add("fact-caption");
        return new VBox(2, c, value);
    }
}
