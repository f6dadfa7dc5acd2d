package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.KernelStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The questions an open notebook asks in place, above its cells, instead of in modal dialogs:
 * the kernel died (restart); the file changed on disk (reload, keep mine, save mine as a copy);
 * unsaved edits were autosaved before a crash (recover, discard); a tab with unsaved edits is
 * closing (save, don't save, cancel). Each shows only while its question is open.
 */
final class NotebookBanners extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final NotebookViewModel model;
    private final BooleanProperty closing = new SimpleBooleanProperty(this, "closing");
    private Runnable closeTab = () -> { };
    private Runnable discardAndCloseTab = () -> { };

    NotebookBanners(NotebookViewModel model) {
        this.model = model;
        getChildren().addAll(dead(), conflict(), recovery(), closePrompt());
    }

    /** Asks whether to save before closing; {@code close} and {@code discard} do the closing once the user answered. */
    void askBeforeClosing(Runnable close, Runnable discard) {
        this.closeTab = close;
        this.discardAndCloseTab = discard;
        closing.set(true);
    }

    private Node dead() {
        Label text = new Label();
        text.textProperty().bind(model.kernelReasonProperty().map(r -> "The kernel stopped" + (r.isBlank() ? "." : ": " + r + ".")
                + " Your cells are safe; restart the kernel to run them again."));
        Button restart = new Button("Restart kernel", new FontIcon(MaterialDesignR.RESTART));
        restart.setId("deadRestartButton");
        restart.setOnAction(e -> model.restart());
        return banner("nb-dead-banner", model.kernelStatusProperty().map(s -> s == KernelStatus.DEAD), text, restart);
    }

    private Node conflict() {
        Label text = new Label();
        text.setId("diskConflictText");
        text.textProperty().bind(model.diskConflictProperty().map(c -> c + " Your version is still here, unsaved."));
        Button reload = button("Reload from disk", "reloadButton", () -> model.reload());
        Button keep = button("Keep mine (overwrite the file)", "keepMineButton", () -> model.keepMine());
        Button saveAs = button("Save mine as a copy", "saveAsCopyButton", () -> model.saveMineAsCopy());
        return banner("nb-warning-banner", model.diskConflictProperty().isNotNull(), text, reload, keep, saveAs);
    }

    private Node recovery() {
        Label text = new Label();
        text.setId("recoveryText");
        text.textProperty().bind(model.recoveryProperty().map(r -> "Unsaved changes autosaved at " + TIME.format(r.savedAt())
                + " were found (the studio did not close normally). Recover them?"));
        Button recover = button("Recover", "recoverButton", model::recover);
        Button discard = button("Discard", "discardRecoveryButton", () -> model.discardRecovery());
        return banner("nb-info-banner", model.recoveryProperty().isNotNull(), text, recover, discard);
    }

    private Node closePrompt() {
        Label text = new Label("Save changes to " + model.title() + " before closing?");
        text.setId("closePromptText");
        Button save = button("Save", "closeSaveButton", () -> model.save().thenRun(() -> {
            closing.set(false);
            closeTab.run();
        }));
        Button discard = button("Don't save", "closeDiscardButton", () -> {
            closing.set(false);
            discardAndCloseTab.run();
        });
        Button cancel = button("Cancel", "closeCancelButton", () -> closing.set(false));
        return banner("nb-info-banner", closing, text, save, discard, cancel);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Node banner(String style, ObservableValue<Boolean> shown, Label text, Button... buttons) {
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(8, text);
        banner.getChildren().addAll(buttons);
        for (Button b : buttons) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.getStyleClass().addAll("nb-banner", style);
        banner.visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(shown.getValue()), shown));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
