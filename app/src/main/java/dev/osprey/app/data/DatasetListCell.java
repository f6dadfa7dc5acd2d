package dev.osprey.app.data;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.StorageMode;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** A dataset in the list: icon, name, then shape, format and a copy/link badge. */
final class DatasetListCell extends ListCell<Dataset> {
    private final FontIcon icon = new FontIcon(MaterialDesignT.TABLE);
    private final Label name = new Label();
    private final Label shape = new Label();
    private final Label format = new Label();
    private final Label storage = new Label();
    private final HBox box;

    DatasetListCell() {
        getStyleClass().add("dataset-cell");
        icon.getStyleClass().add("dataset-cell-icon");
        name.getStyleClass().add("dataset-cell-name");
        shape.getStyleClass().add("dataset-cell-meta");
        format.getStyleClass().addAll("chip", "chip-format");
        storage.getStyleClass().add("chip");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox meta = new HBox(6, shape, spacer, format, storage);
        meta.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(3, name, meta);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(10, icon, text);
        box.setAlignment(Pos.CENTER_LEFT);
        setText(null);
    }

    @Override
    protected void updateItem(Dataset d, boolean empty) {
        super.updateItem(d, empty);
        if (empty || d == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText(d.name());
        shape.setText(Formats.shape(d));
        format.setText(d.format().label());
        boolean linked = d.storageMode() == StorageMode.LINK;
        storage.setText(linked ? "Link" : "Copy");
        storage.getStyleClass().setAll("chip", linked ? "chip-link" : "chip-copy");
        icon.setIconCode(linked ? MaterialDesignL.LINK_VARIANT : MaterialDesignT.TABLE);
        setTooltip(new Tooltip(d.name() + "\n" + Formats.count(d.rowCount()) + " rows, " + d.columns().size()
                + " columns\n" + (linked ? "Linked: " : "Copied from ") + d.sourcePath()));
        setGraphic(box);
    }
}
