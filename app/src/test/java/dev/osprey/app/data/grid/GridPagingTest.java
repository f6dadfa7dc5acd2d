package dev.osprey.app.data.grid;

import dev.osprey.app.fx.FxThread;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.TablePager;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid over a generated 1,000,000-row CSV in a real scene: the first rows show, scrolling to
 * the end shows the last row's values, and the page cache stays bounded on the way.
 */
@ExtendWith(ApplicationExtension.class)
class GridPagingTest {
    private static final int ROWS = 1_000_000;

    @TempDir
    static Path tmp;

    private GridModel model;
    private DataGrid grid;

    @Start
    void start(Stage stage) {
        model = new GridModel(Executors.newFixedThreadPool(2, r -> daemon(r, "test-grid")),
                Executors.newSingleThreadExecutor(r -> daemon(r, "test-pages")), FxThread.executor());
        grid = new DataGrid(model);
        stage.setScene(new Scene(grid, 1000, 600));
        stage.show();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(model::close);
    }

    @Test
    void scrollsAMillionRowsToTheLastOne(FxRobot robot) throws Exception {
        Path csv = tmp.resolve("million.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("id,value,label\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + "," + (i * 7 % 1000) + ",row" + i + "\n");
            }
        }
        List<Column> cols = List.of(col("id", ColumnType.INTEGER), col("value", ColumnType.INTEGER), col("label", ColumnType.TEXT));
        String sql = "SELECT * FROM read_csv('" + csv + "')";
        robot.interact(() -> model.open(cols, ROWS, () -> TablePager.open(sql, cols, ROWS)));
        waitFor(() -> "row0".equals(cellText(robot, 0, 3)));
        assertThat(cellText(robot, 0, 0)).isEqualTo("1");

        // jump through the table the way a dragged scroll bar does, then to the end
        for (int at = 0; at < ROWS; at += ROWS / 8) {
            int row = at;
            robot.interact(() -> grid.scrollTo(row));
        }
        // a jump to rows not read yet: the cells show the light placeholder until their page arrives
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            grid.scrollTo(ROWS / 2 + 1234);
            shot.set(grid.getScene().snapshot(null));
        });
        Files.createDirectories(Path.of("/tmp/shots"));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot.get(), null), "png",
                Path.of("/tmp/shots/grid-placeholders.png").toFile());
        robot.interact(() -> grid.scrollTo(ROWS - 1));
        int last = ROWS - 1;
        waitFor(() -> ("row" + last).equals(cellText(robot, last, 3)));
        assertThat(cellText(robot, last, 1)).isEqualTo(String.valueOf(last));
        assertThat(cellText(robot, last, 2)).isEqualTo(String.valueOf((long) last * 7 % 1000));
        assertThat(cellText(robot, last, 0)).isEqualTo("1,000,000");
        assertThat(grid.model().rowsProperty().get().size()).isEqualTo(ROWS);
        assertThat(grid.table().getItems()).hasSize(RowWindow.WINDOW); // the table view holds a window of the rows
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, name, type, ColumnRole.FEATURE, 0, 0);
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String cellText(FxRobot robot, int row, int column) {
        for (Node n : robot.lookup("#gridTable .table-cell").queryAll()) {
            // items are row numbers of the whole table (the table view holds a window of them)
            if (n instanceof TableCell<?, ?> c && Long.valueOf(row).equals(c.getItem()) && !c.isEmpty() && c.isVisible()
                && c.getTableColumn() == c.getTableView().getColumns().get(column)) {
                return c.getText();
            }
        }
        return null;
    }
}
