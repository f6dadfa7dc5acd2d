package dev.osprey.app.notebook;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.shell.StudioSession;
import dev.osprey.core.Engine;
import dev.osprey.core.sample.SampleNotebooks;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.notebook.model.Autosaves;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Notebooks;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
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
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Notebooks page's everyday work through the real main window and real kernels: tabs with a
 * kernel each, a data frame as a table, a chart as an image, Tab completion, Shift+Tab
 * documentation, the variables panel, Z after DD, killing the kernel's process and restarting it,
 * autosave, recovery after a crash, and a change made on disk by another program.
 */
@ExtendWith(ApplicationExtension.class)
class NotebookWorkflowUiTest {
    static final Path SHOTS = Path.of("/tmp/shots");

    @TempDir
    Path tmp;

    private StudioSession session;
    private Path workspace;
    /** Kernel processes of earlier tests, still on their way out: not this test's. */
    private final java.util.Set<Long> earlier = new java.util.HashSet<>();

    @Start
    void start(Stage stage) throws Exception {
        workspace = SampleWorkspace.ensure(tmp.resolve("sample"));
        kernelProcesses().forEach(p -> earlier.add(p.pid()));
        session = StudioSession.create(new AppHome(tmp.resolve("home")), stage, new StudioPages());
        session.context().switchEngine(Engine.open(workspace));
        stage.setWidth(1440);
        stage.setHeight(900);
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
    void tabsTablesChartsCompletionDocumentationVariablesAndUndoDelete(FxRobot robot) throws Exception {
        Path csv = tmp.resolve("people.csv");
        StringBuilder rows = new StringBuilder("name,age,score\n");
        for (int i = 0; i < 50; i++) {
            rows.append("person").append(i).append(',').append(20 + i).append(',').append(0.5 * i).append('\n');
        }
        Files.writeString(csv, rows);
        showNotebooksPage(robot);
        robot.clickOn(SampleNotebooks.EXAM_SCORE_REGRESSION);
        waitFor(() -> tabs() != null && tabs().getTabs().size() == 1);
        waitForKernels(1);
        robot.clickOn(find(robot, "#newNotebookButton").queryAs(Node.class));
        waitFor(() -> tabs().getTabs().size() == 2 && tabs().getSelectionModel().getSelectedIndex() == 1);
        waitForKernels(2); // a kernel per tab
        waitForIdle(robot);

        typeAndRun(robot, "String greeting = \"hello\";\nint answer = 42;");
        waitFor(() -> variableNames(robot).contains("greeting") && variableNames(robot).contains("answer"));

        typeAndRun(robot, "smile.io.Read.csv(\"" + csv.toString().replace("\\", "\\\\") + "\", \"header=true\")");
        waitFor(() -> inTab(robot, ".nb-table").tryQuery().isPresent());
        TableView<?> table = inTab(robot, ".nb-table").queryAs(TableView.class);
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("", "name", "age", "score");
        assertThat(table.getItems()).hasSize(20); // the first rows...
        assertThat(inTab(robot, ".nb-table-caption").queryAs(Label.class).getText()).contains("50 rows"); // ...and the size

        typeAndRun(robot, "Chart.line(new double[] {1, 4, 2, 8, 5, 7}).title(\"A line\")");
        waitFor(() -> inTab(robot, ".nb-image").tryQuery().isPresent());
        ImageView chart = inTab(robot, ".nb-image").queryAs(ImageView.class);
        assertThat(chart.getImage().getWidth()).isGreaterThan(100);

        // Tab after "greeting.to": the kernel's completions in a list; Enter takes the first
        robot.write("greeting.to");
        robot.type(KeyCode.TAB);
        waitFor(() -> completionList(robot) != null && !completionList(robot).getItems().isEmpty());
        assertThat(completionList(robot).getItems()).contains("toUpperCase(", "toLowerCase(");
        screenshot("notebook-tabs-table-chart-completion.png");
        robot.type(KeyCode.DOWN);
        String chosen = WaitForAsyncUtils.asyncFx(() -> completionList(robot).getSelectionModel().getSelectedItem()).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.ENTER);
        waitFor(() -> selectedArea(robot).getText().endsWith("greeting." + chosen));

        // Shift+Tab inside a call: the signature (and javadoc when the JDK has it)
        robot.write("1)");
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        waitFor(() -> documentationShown(robot));
        robot.type(KeyCode.ESCAPE);

        // command mode: DD deletes the cell, Z brings it back
        int before = inTab(robot, ".nb-code").queryAll().size();
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.D).type(KeyCode.D);
        waitFor(() -> inTab(robot, ".nb-code").queryAll().size() == before - 1);
        robot.type(KeyCode.Z);
        waitFor(() -> inTab(robot, ".nb-code").queryAll().size() == before);

        // closing the clean sample tab ends its kernel; the dirty one asks first
        WaitForAsyncUtils.asyncFx(() -> tabs().getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        closeSelectedTab();
        waitFor(() -> tabs().getTabs().size() == 1);
        waitForKernels(1);
        closeSelectedTab();
        waitFor(() -> inTab(robot, "#closePromptText").tryQuery().map(n -> n.getParent().isVisible()).orElse(false));
        assertThat(tabs().getTabs()).hasSize(1);
        robot.clickOn(inTab(robot, "#closeDiscardButton").queryAs(Node.class));
        waitFor(() -> tabs() == null || tabs().getTabs().isEmpty());
        waitForKernels(0);
    }

    @Test
    void aKilledKernelRestartsWithTheTextIntactEditsAutosaveARecoveryIsOfferedAndDiskChangesPrompt(FxRobot robot) throws Exception {
        Path notebooks = workspace.resolve("notebooks");
        Path crashed = notebooks.resolve("crashed.ipynb");
        Notebooks.write(crashed, Notebook.create(List.of(Cell.Code.of("int saved = 1;"))));
        Files.setLastModifiedTime(crashed, FileTime.from(Instant.now().minusSeconds(120)));
        Autosaves.write(crashed, Notebook.create(List.of(Cell.Code.of("int unsavedBeforeTheCrash = 2;"))));

        showNotebooksPage(robot);
        robot.clickOn(find(robot, "#newNotebookButton").queryAs(Node.class));
        waitForIdle(robot);
        typeAndRun(robot, "int x = 6 * 7;\nx");
        waitFor(() -> inTab(robot, ".nb-result").tryQuery().isPresent());

        // kill the kernel's process: the studio says so, and Restart brings a fresh kernel
        waitForKernels(1);
        kernelProcesses().getFirst().destroyForcibly();
        waitFor(() -> "Java · dead".equals(inTab(robot, "#kernelStatus").queryAs(Label.class).getText()));
        waitFor(() -> inTab(robot, "#deadRestartButton").queryAs(Node.class).getParent().isVisible());
        robot.clickOn(inTab(robot, "#deadRestartButton").queryAs(Node.class));
        waitForIdle(robot);
        assertThat(codeTexts(robot)).startsWith("int x = 6 * 7;\nx");

        // the edit above was autosaved within seconds, beside the file, not over it
        Path untitled = notebooks.resolve("Untitled.ipynb");
        waitFor(() -> Files.exists(Autosaves.pathFor(untitled)));
        assertThat(Notebooks.read(Autosaves.pathFor(untitled)).cells()).extracting(Cell::source).contains("int x = 6 * 7;\nx");
        assertThat(Notebooks.read(untitled).cells()).extracting(Cell::source).doesNotContain("int x = 6 * 7;\nx");

        // another program rewrites the file: the studio asks, and a save does not overwrite it
        Notebooks.write(untitled, Notebook.create(List.of(Cell.Code.of("// written by another program"))));
        waitFor(() -> inTab(robot, "#diskConflictText").tryQuery().map(n -> n.getParent().isVisible()).orElse(false));
        screenshot("notebook-disk-conflict.png");
        robot.clickOn(inTab(robot, "#saveButton").queryAs(Node.class));
        Thread.sleep(500);
        assertThat(Notebooks.read(untitled).cells()).extracting(Cell::source).containsExactly("// written by another program");
        robot.clickOn(inTab(robot, "#reloadButton").queryAs(Node.class));
        waitFor(() -> codeTexts(robot).equals(List.of("// written by another program")));
        assertThat(inTab(robot, "#diskConflictText").queryAs(Node.class).getParent().isVisible()).isFalse();

        // the notebook whose autosave outlived a crash offers it back
        robot.clickOn("crashed.ipynb");
        waitFor(() -> inTab(robot, "#recoveryText").tryQuery().map(n -> n.getParent().isVisible()).orElse(false));
        assertThat(codeTexts(robot)).containsExactly("int saved = 1;");
        robot.clickOn(inTab(robot, "#recoverButton").queryAs(Node.class));
        waitFor(() -> codeTexts(robot).equals(List.of("int unsavedBeforeTheCrash = 2;")));
        robot.clickOn(inTab(robot, "#saveButton").queryAs(Node.class));
        waitFor(() -> Notebooks.read(crashed).cells().getFirst().source().equals("int unsavedBeforeTheCrash = 2;"));
        waitFor(() -> !Files.exists(Autosaves.pathFor(crashed)));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void showNotebooksPage(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor(() -> find(robot, "#newNotebookButton").tryQuery().isPresent());
        waitFor(() -> notebookNames().contains(SampleNotebooks.EXAM_SCORE_REGRESSION));
    }

    private void waitForIdle(FxRobot robot) throws Exception {
        waitFor(() -> inTab(robot, "#kernelStatus").queryAll().stream().filter(Node::isVisible)
                .anyMatch(n -> "Java · idle".equals(((Label) n).getText())));
    }

    /** Types into the selected cell and runs it with Shift+Enter (which moves to a fresh cell below). */
    private void typeAndRun(FxRobot robot, String code) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> selectedArea(robot).replaceText(code)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> selectedArea(robot).requestFocus()).get(5, TimeUnit.SECONDS);
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        waitFor(() -> inTab(robot, ".nb-prompt").queryAllAs(Label.class).stream().noneMatch(l -> l.getText().startsWith("[*]") || l.getText().startsWith("[…]")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CodeArea selectedArea(FxRobot robot) {
        NotebookEditor editor = (NotebookEditor) tabs().getSelectionModel().getSelectedItem().getContent();
        NotebookViewModel nb = editor.model();
        int selected = nb.selectedProperty().get();
        List<CodeArea> areas = robot.from(editor).lookup(".nb-code").queryAllAs(CodeArea.class).stream().toList();
        return areas.get(selected);
    }

    private List<String> codeTexts(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            NotebookEditor editor = (NotebookEditor) tabs().getSelectionModel().getSelectedItem().getContent();
            return editor.model().cells().stream().map(CellModel::source).toList();
        }).get(5, TimeUnit.SECONDS);
    }

    private TabPane tabs() {
        return (TabPane) session.window().scene().lookup("#notebookTabs");
    }

    private void closeSelectedTab() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            var tab = tabs().getSelectionModel().getSelectedItem();
            javafx.event.Event.fireEvent(tab, new javafx.event.Event(tab, tab, javafx.scene.control.Tab.TAB_CLOSE_REQUEST_EVENT));
        }).get(5, TimeUnit.SECONDS);
    }

    private List<String> variableNames(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            NotebookEditor editor = (NotebookEditor) tabs().getSelectionModel().getSelectedItem().getContent();
            return editor.model().help().variables().stream().map(v -> v.name()).toList();
        }).get(5, TimeUnit.SECONDS);
    }

    private static ListView<String> completionList(FxRobot robot) {
        for (Window w : Window.getWindows()) {
            if (w instanceof Popup p && p.isShowing()) {
                Node found = p.getScene().getRoot().lookup("#completionList");
                if (found != null) {
                    @SuppressWarnings("unchecked")
                    ListView<String> list = (ListView<String>) found;
                    return list;
                }
            }
        }
        return null;
    }

    private static boolean documentationShown(FxRobot robot) {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Popup p && p.isShowing()
                && p.getScene().getRoot().lookup("#documentationPopup") != null);
    }

    private List<ProcessHandle> kernelProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> !earlier.contains(p.pid()))
                .filter(p -> p.info().commandLine().map(c -> c.contains("osprey-kernel")).orElse(false)).toList();
    }

    private void waitForKernels(int count) throws Exception {
        waitFor(() -> kernelProcesses().size() == count);
    }

    private List<String> notebookNames() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<?> list = (ListView<?>) session.window().scene().lookup("#notebookList");
            return list == null ? List.<String>of() : list.getItems().stream().map(p -> ((Path) p).getFileName().toString()).toList();
        }).get(5, TimeUnit.SECONDS);
    }

    /** Looks only inside the front tab: every tab holds the same kinds of nodes. */
    private NodeQuery inTab(FxRobot robot, String query) {
        TabPane tabs = tabs();
        Node front = tabs == null || tabs.getSelectionModel().getSelectedItem() == null ? null
                : tabs.getSelectionModel().getSelectedItem().getContent();
        return robot.from(front == null ? new javafx.scene.layout.Pane() : front).lookup(query);
    }

    private NodeQuery find(FxRobot robot, String query) {
        return robot.from(session.window().scene().getRoot()).lookup(query);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            try {
                Path failed = Path.of("target", "screenshots", "workflow-timeout-" + System.nanoTime() + ".png");
                Files.createDirectories(failed.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(WaitForAsyncUtils.asyncFx(() -> session.stage().getScene().snapshot(null))
                        .get(10, TimeUnit.SECONDS), null), "png", failed.toFile());
            } catch (Exception ignored) {
                // the failure message below is what matters
            }
            throw new AssertionError("timed out; the page: " + pageState(), e);
        }
    }

    /** What the page shows, for a failure message. */
    private String pageState() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                TabPane t = tabs();
                StringBuilder sb = new StringBuilder("tabs=").append(t == null ? "none" : t.getTabs().stream().map(x -> x.getText()).toList());
                session.window().scene().getRoot().lookupAll("#kernelStatus")
                        .forEach(n -> sb.append(" status=").append(((Label) n).getText()).append(n.isVisible() ? "" : "(hidden)"));
                sb.append(" kernels=").append(kernelProcesses().size());
                return sb.toString();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    /** The window and any popup over it (completion list, documentation), composed into one PNG. */
    private void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        BufferedImage shot = WaitForAsyncUtils.asyncFx(() -> {
            Window main = session.stage();
            BufferedImage base = SwingFXUtils.fromFXImage(main.getScene().snapshot(null), null);
            Graphics2D g = base.createGraphics();
            for (Window w : Window.getWindows()) {
                if (w instanceof Popup p && p.isShowing() && p.getOwnerWindow() == main) {
                    BufferedImage pop = SwingFXUtils.fromFXImage(p.getScene().snapshot(null), null);
                    g.drawImage(pop, (int) (p.getX() - main.getX() - main.getScene().getX()),
                            (int) (p.getY() - main.getY() - main.getScene().getY()), null);
                }
            }
            g.dispose();
            return base;
        }).get(10, TimeUnit.SECONDS);
        ImageIO.write(shot, "png", SHOTS.resolve(name).toFile());
    }
}
