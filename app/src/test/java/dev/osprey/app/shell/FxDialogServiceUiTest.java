package dev.osprey.app.shell;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The studio's real dialogs, driven by mouse: errors with details, confirmations, toasts. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceUiTest {
    private Stage stage;
    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(new Label("owner")), 800, 500);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/osprey/app/shell/studio.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        dialogs = new FxDialogService(() -> stage);
    }

    @AfterEach
    void closeDialogs() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage).map(Stage.class::cast).toList()
                .forEach(Stage::close)).get(5, TimeUnit.SECONDS);
    }

    private DialogPane dialogPane(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    @Test
    void anErrorShowsAPlainMessageWithTheDetailsOneClickAway(FxRobot robot) throws Exception {
        Future<Void> shown = WaitForAsyncUtils.asyncFx(() -> dialogs.showError("Cannot open the workspace",
                "The workspace /data/shop is open in another Osprey process (pid 4242). Close it there first.",
                "dev.osprey.core.workspace.WorkspaceLockedException: locked\n\tat dev.osprey.core.Engine.open(Engine.java:27)"));
        DialogPane pane = dialogPane(robot);
        assertThat(pane.getHeaderText()).isEqualTo("Cannot open the workspace");
        assertThat(pane.getContentText()).contains("open in another Osprey process").doesNotContain("\tat ");
        assertThat(pane.getExpandableContent()).isNotNull();
        assertThat(pane.isExpanded()).isFalse();

        robot.clickOn(pane.lookup(".details-button"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.isExpanded()).isTrue();
        TextArea details = (TextArea) pane.lookup(".error-details");
        assertThat(details.getText()).contains("WorkspaceLockedException");
        snapshot(pane.getScene(), "error-dialog.png");

        robot.clickOn(pane.lookupButton(ButtonType.OK));
        shown.get(5, TimeUnit.SECONDS);
    }

    @Test
    void confirmAnswersWhatTheUserClicked(FxRobot robot) throws Exception {
        Future<Boolean> yes = WaitForAsyncUtils.asyncFx(() -> dialogs.confirm("Jobs are running", "Quit anyway?"));
        robot.clickOn(dialogPane(robot).lookupButton(ButtonType.OK));
        assertThat(yes.get(5, TimeUnit.SECONDS)).isTrue();

        Future<Boolean> no = WaitForAsyncUtils.asyncFx(() -> dialogs.confirm("Jobs are running", "Quit anyway?"));
        robot.clickOn(dialogPane(robot).lookupButton(ButtonType.CANCEL));
        assertThat(no.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void notifyShowsAToastThatAClickDismisses(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> dialogs.notify("Workspace retail-demo opened")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".toast").tryQuery().isPresent());
        Node toast = robot.lookup(".toast").query();
        assertThat(((Label) toast).getText()).isEqualTo("Workspace retail-demo opened");
        assertThat(toast.getScene().getWindow().isShowing()).isTrue();
        assertThat(stage.isFocused() || !toast.getScene().getWindow().isFocused()).as("non-modal").isTrue();

        robot.clickOn(toast);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !toast.getScene().getWindow().isShowing());
    }

    private static void snapshot(Scene scene, String name) throws Exception {
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(5, TimeUnit.SECONDS);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
    }
}
