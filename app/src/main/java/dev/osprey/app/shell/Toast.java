package dev.osprey.app.shell;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A brief, non-modal message in the bottom-right corner of the window that fades out by itself. */
final class Toast {
    private static final Logger LOG = LoggerFactory.getLogger(Toast.class);
    private Popup current;

    void show(Window owner, String message) {
        LOG.info("Notification: {}", message);
        if (owner == null || !owner.isShowing()) {
            return;
        }
        if (current != null) {
            current.hide();
        }
        Label label = new Label(message, new FontIcon("mdi2b-bell-outline"));
        label.getStyleClass().add("toast");
        label.setWrapText(true);
        label.setMaxWidth(420);
        if (owner.getScene() != null) {
            label.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Popup popup = new Popup();
        popup.getContent().add(label);
        popup.setAutoHide(false);
        popup.setAutoFix(true);
        popup.show(owner);
        // Size is known only after the first layout pass: place it then.
        popup.setX(owner.getX() + owner.getWidth() - popup.getWidth() - 24);
        popup.setY(owner.getY() + owner.getHeight() - popup.getHeight() - 48);
        label.setOnMouseClicked(e -> popup.hide());
        current = popup;

        FadeTransition fade = new FadeTransition(Duration.millis(400), label);
        fade.setFromValue(1);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(Duration.seconds(3.5)), fade);
        life.setOnFinished(e -> popup.hide());
        life.play();
    }
}
