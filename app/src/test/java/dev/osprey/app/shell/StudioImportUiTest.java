package dev.osprey.app.shell;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.workspace.AtomicFiles;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole import path through the real main window: Data page, import sheet, background job,
 * job center. Imports the exam-score sample file, and cancels a long import from the job center.
 */
@ExtendWith(ApplicationExtension.class)
class StudioImportUiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private StudioSession session;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        workspace = tmp.resolve("exam-study");
        Engine.create(workspace).close();
        session = StudioSession.create(new AppHome(tmp.resolve("home")), stage, new StudioPages(), owner -> dialogs);
        session.context().switchEngine(Engine.open(workspace));
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
    void importingTheSampleCsvShowsItsRowsAndInferredTypes(FxRobot robot) throws Exception {
        Path sample = SampleWorkspace.ensure(tmp.resolve("sample"));
        Path examCsv = sample.resolve("data").resolve(SampleWorkspace.DATASET + ".csv");
        assertThat(examCsv).exists();

        importThroughTheDataPage(robot, examCsv);
        waitFor(() -> datasetNames().contains(SampleWorkspace.DATASET));
        waitFor(() -> SampleWorkspace.DATASET.equals(find(robot, "#datasetTitle").queryAs(Label.class).getText()));

        // a type and a role combo for each of the four columns, filled in once the schema has loaded
        waitFor(() -> find(robot, "#schemaTable .cell-combo").queryAll().size() == 8);
        List<String> types = find(robot, "#schemaTable .cell-combo").queryAllAs(ComboBox.class).stream()
                .map(c -> String.valueOf(c.getValue())).toList();
        assertThat(types.stream().filter(t -> t.equalsIgnoreCase("integer") || t.equalsIgnoreCase("decimal")).count())
                .as("the four exam-score columns are numeric: %s", types).isEqualTo(4);
        screenshot("data-view-schema.png");

        robot.clickOn("Preview");
        waitFor(() -> !find(robot, "#previewTable").queryTableView().getItems().isEmpty());
        TableView<?> grid = find(robot, "#previewTable").queryTableView();
        assertThat(grid.getItems()).hasSize(100);
        assertThat(find(robot, "#previewFooter").queryAs(Label.class).getText()).contains("100").contains("1,000");
        screenshot("data-view.png");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aMalformedCsvShowsTheLineAndAddsNothing(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("scores.csv");
        Files.writeString(bad, "student,hours,score\nana,12,880\nben,7\ncai,15,905\n");

        importThroughTheDataPage(robot, bad);
        waitFor(() -> !dialogs.errors.isEmpty());

        assertThat(dialogs.errors.getFirst().message()).contains("Line 3").contains("expected 3 fields, found 2");
        waitFor(() -> session.context().jobs().activeJobs().isEmpty());
        assertThat(datasetNames()).isEmpty();
        assertThat(session.context().engine().datasets().list()).isEmpty();
        try (Stream<Path> files = Files.list(workspace.resolve("data"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theJobCenterShowsAndCancelsALongImport(FxRobot robot) throws Exception {
        Path big = writeBigCsv(tmp.resolve("clickstream.csv"), 700L << 20);

        importThroughTheDataPage(robot, big);
        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        waitFor(() -> find(robot, ".job-status").tryQuery().isPresent()
                && "Running".equals(find(robot, ".job-status").queryLabeled().getText()));
        screenshot("job-center-import.png");

        robot.clickOn(find(robot, ".job-cancel").queryAs(Node.class));
        waitFor(() -> "Cancelled".equals(find(robot, ".job-status").queryLabeled().getText()));
        waitFor(() -> session.context().jobs().activeJobs().isEmpty());

        List<Dataset> listed = session.context().engine().datasets().list();
        assertThat(listed).isEmpty();
        assertThat(datasetNames()).isEmpty();
        try (Stream<Path> files = Files.list(workspace.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("clickstream") || n.startsWith(AtomicFiles.TEMP_PREFIX));
        }
        assertThat(dialogs.errors).as("a cancel is not an error").isEmpty();
    }

    private void importThroughTheDataPage(FxRobot robot, Path file) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitFor(() -> find(robot, "#importButton").tryQuery().isPresent());
        dialogs.fileAnswers.add(file);
        robot.clickOn(find(robot, "#importButton").queryAs(Node.class));
        waitFor(() -> find(robot, "#importConfirm").tryQuery().isPresent());
        robot.clickOn(find(robot, "#importConfirm").queryAs(Node.class));
    }

    private List<String> datasetNames() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<?> list = (ListView<?>) session.window().scene().lookup("#datasetList");
            return list.getItems().stream().map(d -> ((Dataset) d).name()).toList();
        }).get(5, TimeUnit.SECONDS);
    }

    private NodeQuery find(FxRobot robot, String query) {
        return robot.from(session.window().scene().getRoot()).lookup(query);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        var image = WaitForAsyncUtils.asyncFx(() -> session.window().scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }

    /** A CSV of about {@code bytes}, written as one repeated block so it takes a second, not a minute. */
    private static Path writeBigCsv(Path file, long bytes) throws IOException {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            block.append(i).append(",user").append(i % 977).append(',').append(i % 13 * 1.5).append(",page/")
                    .append(i % 101).append('\n');
        }
        byte[] rows = block.toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap("event_id,user,seconds,page\n".getBytes(StandardCharsets.UTF_8)));
            for (long written = 0; written < bytes; written += rows.length) {
                ch.write(ByteBuffer.wrap(rows));
            }
        }
        return file;
    }
}
