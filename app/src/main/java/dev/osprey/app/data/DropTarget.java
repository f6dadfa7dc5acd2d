package dev.osprey.app.data;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Lets the user drop a data file anywhere on the page. While a usable file is dragged over the
 * page a dashed overlay says what will happen; the drop opens the import sheet on the file.
 * The overlay itself never takes mouse events, so it is installed on the page (its parent).
 */
final class DropTarget extends StackPane {
    private final ImportFlow flow;

    DropTarget(ImportFlow flow) {
        this.flow = flow;
        getStyleClass().add("drop-overlay");
        setMouseTransparent(true);
        setVisible(false);
        FontIcon icon = new FontIcon(MaterialDesignT.TRAY_ARROW_DOWN);
        icon.getStyleClass().add("drop-icon");
        Label text = new Label("Drop to import");
        text.getStyleClass().add("drop-title");
        Label hint = new Label("CSV, TSV, Parquet, JSON, JSON Lines or ARFF (optionally .gz)");
        hint.getStyleClass().add("muted");
        VBox box = new VBox(8, icon, text, hint);
        box.setAlignment(Pos.CENTER);
        getChildren().add(box);
        parentProperty().addListener((o, before, parent) -> {
            if (parent != null) {
                parent.addEventHandler(DragEvent.DRAG_OVER, this::over);
                parent.addEventHandler(DragEvent.DRAG_EXITED, e -> setVisible(false));
                parent.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
            }
        });
    }

    /** The one importable file being dragged, or null (several files, a folder, text...). */
    static Path importable(Dragboard board) {
        if (!board.hasFiles()) {
            return null;
        }
        List<File> files = board.getFiles();
        if (files.size() != 1) {
            return null;
        }
        Path p = files.getFirst().toPath();
        return ImportFlow.isImportable(p) ? p : null;
    }

    private void over(DragEvent e) {
        if (importable(e.getDragboard()) != null) {
            e.acceptTransferModes(TransferMode.COPY);
            setVisible(true);
        }
    }

    private void dropped(DragEvent e) {
        Path file = importable(e.getDragboard());
        setVisible(false);
        if (file != null) {
            flow.open(file);
            e.setDropCompleted(true);
            e.consume();
        }
    }
}
