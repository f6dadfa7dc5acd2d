package dev.osprey.app.models;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.experiments.StudioPageRobot;
import dev.osprey.app.experiments.TrainedWorkspace;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.registry.ApprovalStatus;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.osprey.app.experiments.StudioPageRobot.onFx;
import static dev.osprey.app.experiments.StudioPageRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The Models page through the real main window: the exam-score model's card, approval, alias and a prediction. */
@ExtendWith(ApplicationExtension.class)
class ModelsUiTest {
    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private StudioSession session;
    private TrainedWorkspace trained;

    @Start
    void start(Stage stage) throws Exception {
        trained = TrainedWorkspace.create(tmp.resolve("exam-study"));
        session = StudioSession.create(new AppHome(tmp.resolve("home")), stage, new StudioPages(), owner -> dialogs);
        session.context().switchEngine(Engine.open(trained.root));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            session.close();
            session.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void predictsOneRowForTheExamScoreModel(FxRobot robot) throws Exception {
        StudioPageRobot page = new StudioPageRobot(session, robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        waitFor(() -> page.find("#modelList").tryQuery().isPresent()
                && ((ListView<?>) page.find("#modelList").query()).getItems().size() == 1);
        waitFor(() -> page.find("#modelCard").query().isVisible()
                && page.find("#input-hours_of_study").tryQuery().isPresent());
        assertThat(page.find("#modelTitle").queryAs(Label.class).getText()).isEqualTo(TrainedWorkspace.MODEL);
        assertThat(page.find("#versionTable").queryTableView().getItems()).hasSize(1);

        // approve version 1 and make it the champion
        robot.clickOn(page.find("#approveButton").queryAs(Node.class));
        TextField alias = page.find("#aliasField").queryAs(TextField.class);
        robot.doubleClickOn(alias).eraseText(alias.getText().length()).write("champion");
        robot.clickOn(page.find("#setAliasButton").queryAs(Node.class));
        waitFor(() -> session.context().engine().registry().version(TrainedWorkspace.MODEL, 1).aliases().contains("champion"));
        assertThat(session.context().engine().registry().resolve(TrainedWorkspace.MODEL, "champion").status())
                .isEqualTo(ApprovalStatus.APPROVED);
        waitFor(() -> page.find(".alias-chip").tryQuery().isPresent());
        page.screenshot("models-card.png");

        robot.clickOn(onFx(() -> robot.lookup(".tab").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().equals("predictTab")).findFirst()
                .orElseGet(() -> robot.lookup(".tab-label").queryAll().stream()
                        .filter(l -> l instanceof Label lbl && "Predict".equals(lbl.getText())).findFirst().orElseThrow())));
        waitFor(() -> page.find("#predictPane").query().isVisible());
        type(robot, page, "#input-years_it_experience", "4");
        type(robot, page, "#input-years_aws_experience", "1");
        type(robot, page, "#input-hours_of_study", "15");
        robot.clickOn(page.find("#predictButton").queryAs(Node.class));

        waitFor(() -> page.find("#predictionValue").query().isVisible());
        double predicted = Double.parseDouble(page.find("#predictionValue").queryAs(Label.class).getText().replace(",", ""));
        assertThat(predicted).isBetween(840.0, 940.0);
        assertThat(page.find("#predictionCaption").queryAs(Label.class).getText()).isEqualTo("predicted exam_score");
        page.screenshot("models-predict.png");
        assertThat(dialogs.errors).isEmpty();
    }

    private static void type(FxRobot robot, StudioPageRobot page, String field, String text) {
        robot.clickOn(page.find(field).queryAs(Node.class)).write(text);
    }
}
