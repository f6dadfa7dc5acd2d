package dev.osprey.app.experiments;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.experiment.RunId;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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

import static dev.osprey.app.experiments.StudioPageRobot.onFx;
import static dev.osprey.app.experiments.StudioPageRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The Experiments page through the real main window: runs trained beforehand, two of them compared. */
@ExtendWith(ApplicationExtension.class)
class ExperimentsUiTest {
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
    @SuppressWarnings({"unchecked", "rawtypes"})
    void comparesTwoRunsSideBySide(FxRobot robot) throws Exception {
        StudioPageRobot page = new StudioPageRobot(session, robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        page.waitOrShow("experiments-open", () -> page.find("#runTable").tryQuery().isPresent()
                && page.find("#runTable").queryTableView().getItems().size() == 3);
        TableView<?> table = page.find("#runTable").queryTableView();
        assertThat(page.find("#experimentTitle").queryAs(Label.class).getText()).isEqualTo("exam_scores / exam_score");
        assertThat(onFx(() -> leafTitles(table))).contains("Run", "Status", "Algorithm", "Started", "Duration",
                "max_depth", "rounds", "RMSE", "R²", "Validation RMSE");

        // one run: its detail
        robot.clickOn(row(robot, trained.linear));
        waitFor(() -> page.find("#runDetail").query().isVisible());
        assertThat(page.find("#runDetailTitle").queryAs(Label.class).getText()).startsWith("Run #" + trained.linear.value());
        page.screenshot("experiments-runs.png");

        // two runs, then Compare. Ctrl+click is what a person does; the headless robot's clicks carry no
        // modifier keys, so the test extends the selection from the keyboard (Shift+Down) instead.
        robot.clickOn(row(robot, trained.deep));
        robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
        waitFor(() -> !page.find("#compareButton").query().isDisabled());
        assertThat(page.find("#compareButton").queryButton().getText()).isEqualTo("Compare 2 runs");
        robot.clickOn(page.find("#compareButton").queryAs(Node.class));

        waitFor(() -> page.find("#comparePane").query().isVisible()
                && page.find("#compareTable").queryTableView().getColumns().size() == 3);
        TableView<?> compare = page.find("#compareTable").queryTableView();
        List<String> columns = onFx(() -> compare.getColumns().stream().map(TableColumn::getText).toList());
        assertThat(columns.get(0)).isEqualTo("Metric");
        assertThat(columns.subList(1, 3)).anySatisfy(c -> assertThat(c).startsWith("#" + trained.shallow.value() + "\n"))
                .anySatisfy(c -> assertThat(c).startsWith("#" + trained.deep.value() + "\n"));
        assertThat(onFx(() -> compare.getItems().stream().map(String::valueOf).toList())).contains("rmse", "r2");
        LineChart<?, ?> chart = page.find("#compareChart").queryAs(LineChart.class);
        assertThat(onFx(() -> chart.getData().size())).isEqualTo(2);
        assertThat(onFx(() -> chart.getData().stream().map(s -> s.getData().size()).toList())).containsExactly(25, 25);
        assertThat(onFx(() -> chart.getData().stream().map(s -> s.getName()).toList()))
                .anySatisfy(n -> assertThat(n).contains("max_depth=2"))
                .anySatisfy(n -> assertThat(n).contains("max_depth=5"));
        page.screenshot("experiments-compare.png");

        // filtering by text, then sorting by a metric column
        robot.clickOn(page.find("#runFilter").queryAs(Node.class)).write("xgboost");
        waitFor(() -> table.getItems().size() == 2);
        robot.clickOn(page.find("#runFilter").queryAs(Node.class)).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> table.getItems().size() == 3);
        // Sorting by the RMSE column, as a header click does (the headless robot's header clicks do not reach the
        // header skin); this checks the column's comparator and the sorted list behind the table.
        TableColumn<?, ?> rmseColumn = onFx(() -> leaves(table).stream().filter(c -> "RMSE".equals(c.getText()))
                .findFirst().orElseThrow());
        WaitForAsyncUtils.asyncFx(() -> {
            rmseColumn.setSortType(TableColumn.SortType.ASCENDING);
            ((TableView) table).getSortOrder().setAll(List.of(rmseColumn));
        }).get(5, TimeUnit.SECONDS);
        waitFor(() -> rmse(table).equals(rmse(table).stream().sorted().toList()));
        WaitForAsyncUtils.asyncFx(() -> rmseColumn.setSortType(TableColumn.SortType.DESCENDING)).get(5, TimeUnit.SECONDS);
        waitFor(() -> rmse(table).equals(rmse(table).stream().sorted(java.util.Comparator.reverseOrder()).toList()));
        assertThat(dialogs.errors).isEmpty();
    }

    private static List<Double> rmse(TableView<?> table) throws Exception {
        return onFx(() -> table.getItems().stream().map(r -> ((RunRow) r).metric("rmse")).toList());
    }

    private static List<String> leafTitles(TableView<?> table) {
        return leaves(table).stream().map(TableColumn::getText).toList();
    }

    private static List<TableColumn<?, ?>> leaves(TableView<?> table) {
        List<TableColumn<?, ?>> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<TableColumn<?, ?>> todo = new java.util.ArrayDeque<>(table.getColumns());
        while (!todo.isEmpty()) {
            TableColumn<?, ?> c = todo.poll();
            if (c.getColumns().isEmpty()) {
                out.add(c);
            } else {
                todo.addAll(c.getColumns());
            }
        }
        return out;
    }

    private Node row(FxRobot robot, RunId id) throws Exception {
        return onFx(() -> robot.lookup("#runTable .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() instanceof RunRow rr && rr.id().equals(id))
                .findFirst().orElseThrow());
    }
}
