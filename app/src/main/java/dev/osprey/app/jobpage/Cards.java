package dev.osprey.app.jobpage;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The pages' white panels: a title, an optional caption, and the content (which takes any height to spare). */
public final class Cards {
    private Cards() {
    }

    public static VBox card(String id, Label title, Label caption, Node content) {
        title.getStyleClass().add("card-title");
        VBox box = new VBox(4, title);
        if (caption != null) {
            caption.getStyleClass().add("card-caption");
            caption.setWrapText(true);
            box.getChildren().add(caption);
        }
        box.getChildren().add(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("result-card");
        box.setId(id);
        return box;
    }

    public static VBox card(String id, String title, String caption, Node content) {
        return card(id, new Label(title), caption == null ? null : new Label(caption), content);
    }
}
