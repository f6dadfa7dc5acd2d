package dev.osprey.app.data;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.fx.FxThread;
import dev.osprey.core.Engine;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobService;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Data page in a real scene, driven by mouse and keyboard, importing into a real workspace. */
@ExtendWith(ApplicationExtension.class)
class DataViewTest {
    @TempDir
    Path tmp;

    private RecordingDialogs dialogs;
    private AppContext app;
    private DataView view;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dialogs = new RecordingDialogs();
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(2), dialogs, FxThread.executor());
        workspace = tmp.resolve("ws");
        app.switchEngine(Engine.create(workspace));
        view = new DataView(new DataViewModel(app));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1280, 800));
        stage.show();
        view.onShown();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void importThroughUi(FxRobot robot, Path file) throws Exception {
        int before = view.model().datasets().size();
        dialogs.nextFile(file);
        robot.clickOn("#importButton");
        waitUntil(() -> robot.lookup("#importConfirm").tryQuery().isPresent());
        robot.clickOn("#importConfirm");
        waitUntil(() -> view.model().datasets().size() > before || !dialogs.errors.isEmpty());
        waitUntil(() -> !view.model().previewLoadingProperty().get());
    }

    @Test
    void importingACsvShowsItsRowsAndTypes(FxRobot robot) throws Exception {
        importThroughUi(robot, SampleFiles.sales(tmp.resolve("in")));

        assertThat(dialogs.errors).isEmpty();
        ListView<Dataset> list = robot.lookup("#datasetList").queryListView();
        assertThat(list.getItems()).extracting(Dataset::name).containsExactly("sales");
        assertThat(list.getSelectionModel().getSelectedItem().name()).isEqualTo("sales");
        assertThat(robot.lookup("#datasetTitle").queryAs(Label.class).getText()).isEqualTo("sales");

        // Schema tab (shown first): the inferred types, as the combo boxes show them
        List<String> types = robot.lookup("#schemaTable .cell-combo").queryAllAs(ComboBox.class).stream()
                .map(c -> c.getValue()).filter(v -> v instanceof ColumnType).map(Object::toString).toList();
        assertThat(types).startsWith("INTEGER", "DECIMAL");
        List<String> names = robot.lookup("#schemaTable .cell-field").queryAllAs(TextField.class).stream()
                .map(TextField::getText).toList();
        assertThat(names).startsWith("id", "price", "region", "returned");

        robot.clickOn("Preview");
        TableView<List<Object>> grid = robot.lookup("#previewTable").queryTableView();
        assertThat(grid.getItems()).hasSize(6);
        assertThat(grid.getColumns()).hasSize(5); // row number + 4
        assertThat(robot.lookup(".preview-header-name").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("id", "price", "region", "returned");
        assertThat(robot.lookup(".null-value").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#previewFooter").queryAs(Label.class).getText()).isEqualTo("All 6 rows");
    }

    @Test
    void aRaggedCsvShowsTheErrorWithTheLineAndAddsNothing(FxRobot robot) throws Exception {
        importThroughUi(robot, SampleFiles.ragged(tmp.resolve("in")));

        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.getFirst().message()).matches("Line \\d+ of ragged\\.csv: .+");
        assertThat(robot.lookup("#datasetList").queryListView().getItems()).isEmpty();
        assertThat(robot.lookup("#listEmptyTitle").queryAs(Label.class).getText()).isEqualTo("No datasets yet");
    }

    @Test
    void settingARoleToTargetAndApplyingPersistsIt(FxRobot robot) throws Exception {
        importThroughUi(robot, SampleFiles.sales(tmp.resolve("in")));
        TableView<SchemaRow> schema = robot.lookup("#schemaTable").queryTableView();
        assertThat(robot.lookup("#schemaApply").queryButton().isDisabled()).isTrue();

        // the role combo of the last row ("returned")
        ComboBox<?> returnedRole = robot.lookup("#schemaTable .cell-combo").queryAllAs(ComboBox.class).stream()
                .filter(c -> c.getValue() instanceof ColumnRole && isInRow(c, 3)).findFirst().orElseThrow();
        robot.clickOn(returnedRole);
        robot.clickOn("Target");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(schema.getItems().get(3).roleProperty().get()).isEqualTo(ColumnRole.TARGET);

        robot.clickOn("#schemaApply");
        waitUntil(() -> !view.model().schema().dirtyProperty().get() && !view.model().schemaSavingProperty().get());
        assertThat(dialogs.errors).isEmpty();

        robot.interact(() -> app.switchEngine(null));
        try (Engine reopened = Engine.open(workspace)) {
            assertThat(reopened.datasets().find("sales").orElseThrow().target())
                    .get().extracting(c -> c.name()).isEqualTo("returned");
        }
    }

    @Test
    void keyboardSearchAndDeleteWork(FxRobot robot) throws Exception {
        Path in = tmp.resolve("in");
        importThroughUi(robot, SampleFiles.sales(in));
        importThroughUi(robot, SampleFiles.write(in.resolve("weather.csv"), "t,rain\n1.5,0\n2.5,1\n"));

        robot.clickOn("#datasetList");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#datasetSearch").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("wea");
        ListView<Dataset> list = robot.lookup("#datasetList").queryListView();
        assertThat(list.getItems()).extracting(Dataset::name).containsExactly("weather");

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> view.model().datasets().size() == 1);
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(view.model().datasets()).extracting(Dataset::name).containsExactly("sales");
    }

    @Test
    void theImportSheetChecksTheNameLiveAndEscapeClosesIt(FxRobot robot) throws Exception {
        dialogs.nextFile(SampleFiles.sales(tmp.resolve("in")));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#importName").tryQuery().isPresent());
        TextField name = robot.lookup("#importName").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("sales");
        assertThat(name.isFocused()).isTrue();

        robot.write("2024 q1"); // replaces the selected suggestion
        assertThat(robot.lookup("#importConfirm").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#importNameProblem").queryAs(Label.class).getText()).contains("start with a letter");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#importSheet").query().isVisible()).isFalse();
        assertThat(app.jobs().jobs()).isEmpty();
    }

    @Test
    void keepingUnsavedEditsKeepsTheListOnTheEditedDataset(FxRobot robot) throws Exception {
        Path in = tmp.resolve("in");
        importThroughUi(robot, SampleFiles.write(in.resolve("alpha.csv"), "a,b\n1,x\n2,y\n"));
        importThroughUi(robot, SampleFiles.sales(in));
        robot.interact(() -> view.model().schema().rows().getFirst().nameProperty().set("key"));

        dialogs.confirmAnswer = false;
        robot.clickOn("alpha");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Dataset> list = robot.lookup("#datasetList").queryListView();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(list.getSelectionModel().getSelectedItem().name()).isEqualTo("sales");
        assertThat(robot.lookup("#datasetTitle").queryAs(Label.class).getText()).isEqualTo("sales");
        assertThat(robot.lookup("#schemaHint").queryAs(Label.class).getText()).isEqualTo("1 column changed, not applied yet.");
    }

    private static boolean isInRow(Node n, int index) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableRow<?> row) {
                return row.getIndex() == index;
            }
        }
        return false;
    }
}
