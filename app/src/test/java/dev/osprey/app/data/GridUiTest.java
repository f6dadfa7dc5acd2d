package dev.osprey.app.data;

import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.data.grid.DataGrid;
import dev.osprey.app.data.grid.GridModel;
import dev.osprey.app.fx.FxThread;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.GridQuery;
import dev.osprey.core.data.TablePreview;
import dev.osprey.core.job.JobService;
import dev.osprey.core.sample.SampleWorkspace;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.image.WritableImage;
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

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.osprey.app.data.DataViewTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grid tab on the sample workspace's exam scores, driven by mouse and keyboard: headers with
 * summaries, a column's profile, sort, filter, find, and a recipe built from column menus,
 * undone once and saved as a new dataset whose rows and columns are checked.
 */
@ExtendWith(ApplicationExtension.class)
class GridUiTest {
    static final Path SHOTS = Path.of("/tmp/shots");

    @TempDir
    Path tmp;

    private RecordingDialogs dialogs;
    private AppContext app;
    private DataView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dialogs = new RecordingDialogs();
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(2), dialogs, FxThread.executor());
        app.switchEngine(Engine.open(SampleWorkspace.ensure(tmp.resolve("sample"))));
        view = new DataView(new DataViewModel(app));
        scene = new Scene((javafx.scene.Parent) view.node(), 1500, 860);
        stage.setScene(scene);
        // the shared test stage keeps the size an earlier test gave it unless told otherwise
        stage.setWidth(1500);
        stage.setHeight(860);
        stage.show();
        view.onShown();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private GridModel grid() {
        return view.model().grid();
    }

    private void openGrid(FxRobot robot) throws Exception {
        waitUntil(() -> !view.model().datasets().isEmpty());
        robot.clickOn(SampleWorkspace.DATASET);
        robot.clickOn("#gridTab");
        waitUntil(() -> grid().summaries().size() == 4 && grid().busyProperty().get() == null);
        waitUntil(() -> cellText(robot, 0, 1) != null && !cellText(robot, 0, 1).equals("\u2026"));
    }

    /** Clicks the item {@code text} in the open drop-down list (a header may show the same text). */
    private static void pick(FxRobot robot, String text) {
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && text.equals(c.getText())).queryAs(Node.class));
    }

    /** Scrolls the grid sideways so the column's header is on screen (the robot clicks what it sees). */
    private void showColumn(FxRobot robot, String name) {
        robot.interact(() -> {
            var table = view.gridTab().grid().table();
            table.getColumns().stream().filter(c -> ("grid-" + name).equals(c.getId())).findFirst()
                    .ifPresent(table::scrollToColumn);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the visible cell at (row, column); column 0 is the row number. */
    static String cellText(FxRobot robot, int row, int column) {
        for (Node n : robot.lookup("#gridTable .table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getIndex() == row && !c.isEmpty()
                && c.getTableColumn() == c.getTableView().getColumns().get(column)) {
                return c.getText();
            }
        }
        return null;
    }

    @Test
    void buildsARecipeByClickingUndoesOneStepAndSavesTheResult(FxRobot robot) throws Exception {
        openGrid(robot);
        Dataset source = view.model().selected();
        TablePreview all = app.engine().datasets().preview(source.id(), 5000);
        long keptRows = all.rows().stream().filter(r -> (Long) r.get(3) >= 800).count();
        Set<String> awsValues = new HashSet<>();
        all.rows().forEach(r -> awsValues.add("years_aws_experience_" + r.get(1)));

        shoot(robot, "data-grid.png");
        showColumn(robot, "exam_score");
        robot.clickOn("#grid-chart-exam_score");
        waitUntil(() -> robot.lookup("#columnProfile").query().isVisible());
        assertThat(robot.lookup("#profileStats .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Missing", "1,000");
        shoot(robot, "data-grid-profile.png");
        robot.clickOn("#closeProfile");

        // one-hot from the column's menu
        showColumn(robot, "years_aws_experience");
        robot.rightClickOn("#grid-header-years_aws_experience");
        robot.clickOn("One-hot encode");
        waitUntil(() -> view.model().recipe().steps().size() == 1);
        waitUntil(() -> grid().previewProperty().get());
        assertThat(grid().columns()).extracting(Column::name).containsAll(awsValues)
                .doesNotContain("years_aws_experience");

        // filter from the column's menu, with its form
        showColumn(robot, "exam_score");
        robot.rightClickOn("#grid-header-exam_score");
        robot.clickOn("Filter rows\u2026");
        robot.clickOn("#step-condition-op");
        pick(robot, "GE");
        // choosing the operator rebuilds the value field: wait until the new one is laid out and shown
        waitUntil(() -> robot.lookup("#step-condition-value").match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("#step-condition-value").write("800");
        robot.clickOn("#stepApply");
        waitUntil(() -> view.model().recipe().steps().size() == 2);

        // fill missing from the column's menu (the form opens with the mean)
        showColumn(robot, "hours_of_study");
        robot.rightClickOn("#grid-header-hours_of_study");
        robot.clickOn("Fill missing\u2026");
        robot.clickOn("#stepApply");
        waitUntil(() -> view.model().recipe().steps().size() == 3);
        assertThat(view.model().recipe().recipe().steps().get(2).step().label()).containsIgnoringCase("hours_of_study");
        shoot(robot, "data-grid-recipe.png");

        // undo the last step with the keyboard
        robot.clickOn("#recipeSteps");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> view.model().recipe().steps().size() == 2);
        assertThat(robot.lookup("#recipeRedo").queryButton().isDisabled()).isFalse();

        robot.clickOn("#saveName").write("exam_clean");
        robot.clickOn("#recipeSave");
        waitUntil(() -> view.model().datasets().stream().anyMatch(d -> d.name().equals("exam_clean"))
                        || view.model().recipe().errorProperty().get() != null);
        assertThat(view.model().recipe().errorProperty().get()).isNull();
        Dataset saved = app.engine().datasets().find("exam_clean").orElseThrow();
        assertThat(saved.rowCount()).isEqualTo(keptRows);
        Set<String> expected = new HashSet<>(awsValues);
        expected.addAll(List.of("years_it_experience", "hours_of_study", "exam_score"));
        assertThat(saved.columns()).extracting(Column::name).containsExactlyInAnyOrderElementsOf(expected);
        TablePreview rows = app.engine().datasets().preview(saved.id(), 5000);
        int score = saved.columns().indexOf(saved.column("exam_score").orElseThrow());
        assertThat(rows.rows()).hasSize((int) keptRows).allSatisfy(r -> assertThat((Long) r.get(score)).isGreaterThanOrEqualTo(800));
    }

    @Test
    void aStepThatCannotRunIsShownOnTheRecipeAndChangesNothing(FxRobot robot) throws Exception {
        openGrid(robot);
        showColumn(robot, "exam_score");
        robot.rightClickOn("#grid-header-exam_score");
        robot.clickOn("Filter rows\u2026");
        robot.clickOn("#step-condition-sql").write("exam_score >>>* (");
        robot.clickOn("#stepApply");
        waitUntil(() -> view.model().recipe().errorProperty().get() != null);
        assertThat(view.model().recipe().steps()).isEmpty();
        assertThat(robot.lookup("#stepFormBox").query().isVisible()).isTrue(); // the form stays to fix it
        assertThat(robot.lookup("#recipeError").queryAs(Label.class).getText()).isNotBlank();
        assertThat(grid().previewProperty().get()).isFalse();
    }

    @Test
    void sortsFiltersAndFindsThroughTheHeadersAndBars(FxRobot robot) throws Exception {
        openGrid(robot);
        Dataset source = view.model().selected();
        TablePreview all = app.engine().datasets().preview(source.id(), 5000);
        long max = all.rows().stream().mapToLong(r -> (Long) r.get(3)).max().orElseThrow();

        // click the name: ascending; again: descending
        showColumn(robot, "exam_score");
        robot.clickOn("#grid-header-exam_score .grid-header-name");
        waitUntil(() -> grid().query().sort().size() == 1 && grid().busyProperty().get() == null);
        showColumn(robot, "exam_score");
        robot.clickOn("#grid-header-exam_score .grid-header-name");
        waitUntil(() -> grid().query().sort().equals(List.of(new GridQuery.SortKey("exam_score", true)))
                        && grid().busyProperty().get() == null);
        waitUntil(() -> String.valueOf(max).equals(cellText(robot, 0, 4)));
        assertThat(robot.lookup("#sortChip").tryQuery()).isPresent();

        // filter through the bar: exam_score between 600 and 700
        robot.clickOn("#gridFilterButton");
        robot.clickOn("#filterColumn");
        pick(robot, "exam_score");
        robot.clickOn("#filterKind");
        pick(robot, "between");
        robot.clickOn("#filterValue").write("600");
        robot.clickOn("#filterUpTo").write("700");
        robot.clickOn("#filterApply");
        long inRange = all.rows().stream().filter(r -> (Long) r.get(3) >= 600 && (Long) r.get(3) <= 700).count();
        waitUntil(() -> grid().rowsProperty().get().size() == inRange && grid().busyProperty().get() == null);
        assertThat(robot.lookup("#gridStatus").queryAs(Label.class).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d of 1,000 rows", inRange));

        // a value that does not fit is named and nothing changes
        robot.clickOn("#gridFilterButton");
        robot.clickOn("#filterColumn");
        pick(robot, "hours_of_study");
        robot.clickOn("#filterValue").write("many");
        robot.clickOn("#filterApply");
        waitUntil(() -> grid().errorProperty().get() != null);
        assertThat(grid().errorProperty().get()).contains("'many' is not a number");
        assertThat(grid().rowsProperty().get().size()).isEqualTo(inRange);

        // find: Ctrl+F in the grid, Enter for the next match; the best score in range is on the first row
        long best = all.rows().stream().mapToLong(r -> (Long) r.get(3)).filter(v -> v >= 600 && v <= 700).max().orElseThrow();
        robot.clickOn("#gridTable");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#findField").queryAs(javafx.scene.control.TextField.class).isFocused()).isTrue();
        robot.write(String.valueOf(best)).type(KeyCode.ENTER);
        waitUntil(() -> grid().foundProperty().get() >= 0);
        long row = grid().foundProperty().get();
        assertThat(row).isZero();
        waitUntil(() -> cellText(robot, (int) row, 4) != null && !"\u2026".equals(cellText(robot, (int) row, 4)));
        assertThat(robot.lookup("#gridTable .table-cell").match((Node n) -> n.getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("found"))).queryAll()).isNotEmpty();
        DataGrid g = view.gridTab().grid();
        assertThat(g.table().getSelectionModel().getSelectedIndex()).isEqualTo((int) row);
    }

    static void shoot(FxRobot robot, Scene scene, String name) throws Exception {
        Files.createDirectories(SHOTS);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", SHOTS.resolve(name).toFile());
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        shoot(robot, scene, name);
    }
}
