package dev.osprey.app.data;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.fx.FxThread;
import dev.osprey.core.Engine;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.job.JobService;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
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
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of the Data page for people to look at (target/screenshots/data-*.png): empty, the
 * import sheet, and a dataset's Schema and Preview tabs. Asserts only that they were written.
 */
@ExtendWith(ApplicationExtension.class)
class DataScreenshotTest {
    private static final Path OUT = Path.of("target", "screenshots");

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
        app.switchEngine(Engine.create(tmp.resolve("ws")));
        view = new DataView(new DataViewModel(app));
        scene = new Scene((javafx.scene.Parent) view.node(), 1280, 780);
        stage.setScene(scene);
        stage.show();
        view.onShown();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void writesScreenshots(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, "data-empty.png");

        Path in = tmp.resolve("in");
        Path customers = customers(in);
        Path flights = SampleFiles.write(in.resolve("flights.csv"), "carrier,delay\nAA,5\nUA,12\n");
        dialogs.nextFile(customers);
        robot.clickOn("#importButton");
        DataViewTest.waitUntil(() -> robot.lookup("#importConfirm").tryQuery().isPresent());
        shoot(robot, "data-import-sheet.png");
        robot.clickOn("#importConfirm");
        DataViewTest.waitUntil(() -> view.model().datasets().size() == 1 || !dialogs.errors.isEmpty());
        assertThat(dialogs.errors).isEmpty();

        dialogs.nextFile(flights);
        robot.clickOn("#importButton");
        robot.clickOn("#importConfirm");
        DataViewTest.waitUntil(() -> view.model().datasets().size() == 2);
        robot.clickOn("customers");
        DataViewTest.waitUntil(() -> !view.model().previewLoadingProperty().get());

        robot.interact(() -> {
            var rows = view.model().schema().rows();
            rows.getLast().roleProperty().set(ColumnRole.TARGET);
            rows.get(3).nameProperty().set("customer_segment");
        });
        shoot(robot, "data-schema.png");

        robot.clickOn("Preview");
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, "data-preview.png");

        assertThat(OUT.resolve("data-schema.png")).exists();
        assertThat(OUT.resolve("data-preview.png")).exists();
    }

    @Test
    void writesADarkThemeScreenshot(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        try {
            dialogs.nextFile(SampleFiles.sales(tmp.resolve("in")));
            robot.clickOn("#importButton");
            robot.clickOn("#importConfirm");
            DataViewTest.waitUntil(() -> view.model().datasets().size() == 1 || !dialogs.errors.isEmpty());
            DataViewTest.waitUntil(() -> !view.model().previewLoadingProperty().get());
            robot.clickOn("Preview");
            shoot(robot, "data-preview-dark.png");
            assertThat(OUT.resolve("data-preview-dark.png")).exists();
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        }
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", OUT.resolve(name).toFile());
    }

    /** 240 customers with ids, ages, incomes (some missing), segments, dates and a churn flag. */
    private static Path customers(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("customer_id,age,annual_income,segment,signup_date,visits_per_month,churned\n");
        Random r = new Random(7);
        String[] segments = {"retail", "smb", "enterprise", "public"};
        for (int i = 1; i <= 240; i++) {
            String income = r.nextInt(9) == 0 ? "" : String.format(Locale.ROOT, "%.2f", 18000 + r.nextDouble() * 140000);
            csv.append(1000 + i).append(',').append(18 + r.nextInt(60)).append(',').append(income).append(',')
                    .append(segments[r.nextInt(segments.length)]).append(',')
                    .append(String.format(Locale.ROOT, "2023-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", r.nextDouble() * 30)).append(',')
                    .append(r.nextInt(4) == 0).append('\n');
        }
        return SampleFiles.write(dir.resolve("customers.csv"), csv.toString());
    }
}
