package dev.osprey.labeling;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** The "?" sheet: every key of the labeling panel, over the work, dismissed with ? or Esc. */
final class ShortcutOverlay extends StackPane {
    static final List<String[]> KEYS = List.of(
            new String[]{"1 … 9, 0", "choose a class (a selected box changes to it; selected text is tagged)"},
            new String[]{"Enter", "submit and go to the next item"},
            new String[]{"S", "skip (comes back later)"},
            new String[]{"P", "previous item"},
            new String[]{"Ctrl+Z / Ctrl+Shift+Z", "undo / redo"},
            new String[]{"Delete", "delete the selected box, or the span under the caret"},
            new String[]{"Tab", "select the next box"},
            new String[]{"X", "extreme points: click the object's top, bottom, left and right-most points"},
            new String[]{"A", "accept the model's suggestion"},
            new String[]{"F  /  +  /  -", "fit the image / zoom in / zoom out (or the mouse wheel)"},
            new String[]{"Right-drag", "pan"},
            new String[]{"Esc", "deselect, or close this sheet"},
            new String[]{"?", "show or hide this sheet"});

    ShortcutOverlay() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (String[] k : KEYS) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(row++, key, new Label(k[1]));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("shortcut-title");
        VBox card = new VBox(12, title, grid);
        card.getStyleClass().add("shortcut-card");
        card.setPadding(new Insets(20));
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        getStyleClass().add("shortcut-overlay");
        setId("shortcutOverlay");
        setVisible(false);
    }
}
