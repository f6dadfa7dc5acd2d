package dev.osprey.app.shell;

import dev.osprey.app.DialogService;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The studio's {@link DialogService}: JavaFX alerts owned by the main window (errors keep their
 * details in an expandable area), the platform's file and folder choosers, and a toast for
 * notifications that need no answer.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Toast toast = new Toast();

    /** {@code owner} is asked each time: the main window may not be showing yet. */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert alert = alert(Alert.AlertType.ERROR, title, message);
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(false);
            area.getStyleClass().add("error-details");
            area.setPrefRowCount(14);
            VBox.setVgrow(area, Priority.ALWAYS);
            VBox box = new VBox(6, new Label("Details (also written to the log):"), area);
            alert.getDialogPane().setExpandableContent(box);
        }
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initialDir, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialDir != null && Files.isDirectory(initialDir)) {
            chooser.setInitialDirectory(initialDir.toFile());
        }
        if (extensions.length > 0) {
            String[] globs = Arrays.stream(extensions).map(e -> "*." + e.replaceFirst("^\\*?\\.", "")).toArray(String[]::new);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Supported files (" + String.join(", ", globs) + ")", globs));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        }
        File f = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initialDir) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initialDir != null && Files.isDirectory(initialDir)) {
            chooser.setInitialDirectory(initialDir.toFile());
        }
        File f = chooser.showDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public void notify(String message) {
        toast.show(owner.get(), message);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
            if (w.getScene() != null) {
                alert.getDialogPane().getStylesheets().addAll(w.getScene().getStylesheets());
            }
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message == null || message.isBlank() ? "No further information." : message);
        alert.getDialogPane().setMinWidth(460);
        alert.setResizable(true);
        return alert;
    }
}
