package dev.osprey.app.shell;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.shell.RecentWorkspaces;
import dev.osprey.core.Engine;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobStatus;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real main window, built by the same {@link StudioSession} the studio uses. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private StudioSession session;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        workspace = tmp.resolve("retail-demo");
        try (Engine e = Engine.create(workspace)) {
            e.datasets().importFile(ImportRequest.of(csv("sales.csv", "region,units,price\nnorth,3,9.5\nsouth,5,7.25\n")), JobContext.NONE);
            e.datasets().importFile(ImportRequest.of(csv("customers.csv",
                    "id,age,plan,churned\n1,34,basic,no\n2,51,pro,yes\n3,28,basic,no\n")), JobContext.NONE);
        }
        Files.writeString(workspace.resolve("notebooks/explore-sales.ipynb"),
                "{\"cells\":[],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}");
        AppHome home = new AppHome(tmp.resolve("home"));
        Path other = tmp.resolve("churn-study");
        Engine.create(other).close();
        RecentWorkspaces recent = new RecentWorkspaces(home.recentWorkspacesFile());
        recent.add(tmp.resolve("old-experiments"));
        recent.add(other);

        session = StudioSession.create(home, stage, new StudioPages(), owner -> dialogs);
        session.context().switchEngine(Engine.open(workspace));
        stage.show();
    }

    private Path csv(String name, String content) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            session.close();
            session.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    /** Looks only inside this test's window: windows of earlier tests may still be closing. */
    private org.testfx.service.query.NodeQuery find(FxRobot robot, String query) {
        return robot.from(session.window().scene().getRoot()).lookup(query);
    }

    /** True when the node and all its ancestors are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Node currentPage() {
        Pane host = (Pane) session.window().scene().lookup("#page-host");
        return host.getChildren().getFirst();
    }

    @Test
    void titleAndStatusBarShowTheWorkspace(FxRobot robot) {
        assertThat(session.stage().getTitle()).isEqualTo("Osprey — retail-demo");
        assertThat(find(robot, "#status-workspace").queryLabeled().getText()).isEqualTo(workspace.toString());
        assertThat(find(robot, "#status-heap").queryLabeled().getText()).matches("\\d+ / \\d+ MB");
        assertThat(find(robot, "#status-jobs-text").queryLabeled().getText()).isEqualTo("No jobs running");
    }

    @Test
    void clickingEachNavigationItemShowsItsPage(FxRobot robot) {
        for (NavItem item : NavItem.values()) {
            robot.clickOn(find(robot, "#nav-" + item.name().toLowerCase(Locale.ROOT)).queryAs(Node.class));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(session.window().viewModel().page()).isEqualTo(item);
            Node page = currentPage();
            assertThat(page.isVisible()).isTrue();
            switch (item) {
                case HOME -> assertThat(page.getId()).isEqualTo("home-page");
                default -> {
                    if (item.pendingNotice().isEmpty()) {
                        assertThat(page.getStyleClass()).doesNotContain("pending-page");
                        continue;
                    }
                    assertThat(page.getId()).isEqualTo("page-" + item.name().toLowerCase(Locale.ROOT));
                    assertThat(robot.from(page).lookup(".pending-notice").queryLabeled().getText())
                            .isEqualTo(item.pendingNotice().orElseThrow());
                }
            }
        }
    }

    @Test
    void ctrlDigitSwitchesPages(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.window().viewModel().page()).isEqualTo(NavItem.DATA);
        assertThat(find(robot, "#nav-data").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.window().viewModel().page()).isEqualTo(NavItem.MONITORING);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(currentPage().getId()).isEqualTo("home-page");
    }

    @Test
    void homeListsTheWorkspaceAndADatasetLeadsToTheDataPage(FxRobot robot) throws Exception {
        waitFor(() -> find(robot, "#home-datasets .item-name").queryAll().size() == 2);
        assertThat(find(robot, "#home-workspace-name").queryLabeled().getText()).isEqualTo("retail-demo");
        assertThat(find(robot, "#home-datasets .item-name").queryAll()).extracting(n -> ((Labeled) n).getText())
                .containsExactly("customers", "sales");
        assertThat(find(robot, "#home-notebooks .item-name").queryLabeled().getText()).isEqualTo("explore-sales");
        waitFor(() -> find(robot, "#home-recent .item-name").queryAll().size() == 2);

        robot.clickOn(find(robot, "#home-datasets .item-name").queryAll().stream()
                .filter(n -> "sales".equals(((Labeled) n).getText())).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.window().viewModel().page()).isEqualTo(NavItem.DATA);
    }

    @Test
    void aLongJobShowsInTheJobCenterAndCanBeCancelled(FxRobot robot) throws Exception {
        Job<Void> job = session.context().jobs().submit("Importing sales.csv", ctx -> {
            for (int i = 0; ; i++) {
                ctx.progress(Math.min(0.99, 0.42 + i / 100_000.0), "Reading rows… " + (12_000 + i) + " so far");
                if (ctx.isCancelled()) {
                    return null;
                }
                Thread.sleep(5);
            }
        });
        waitFor(() -> find(robot, "#status-jobs-text").queryLabeled().getText().startsWith("Importing sales.csv 4"));

        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        waitFor(() -> find(robot, ".job-status").tryQuery().isPresent()
                && "Running".equals(find(robot, ".job-status").queryLabeled().getText()));
        assertThat(find(robot, "#job-center").query().isVisible()).isTrue();
        screenshot("job-center.png");

        robot.clickOn(find(robot, ".job-cancel").queryAs(Node.class));
        waitFor(() -> job.status() == JobStatus.CANCELLED);
        waitFor(() -> "Cancelled".equals(find(robot, ".job-status").queryLabeled().getText()));
        assertThat(find(robot, ".job-cancel").tryQuery()).hasValueSatisfying(n -> assertThat(n.isVisible()).isFalse());
        waitFor(() -> "No jobs running".equals(find(robot, "#status-jobs-text").queryLabeled().getText()));

        robot.clickOn(find(robot, "#job-center-clear").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.window().jobCenterViewModel().rows()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(find(robot, "#job-center").tryQuery()).isEmpty();
    }

    @Test
    void ctrlQQuitsAndAsksFirstWhileAJobRuns(FxRobot robot) throws Exception {
        Job<Void> job = session.context().jobs().submit("Training a long model", ctx -> {
            while (!ctx.isCancelled()) {
                Thread.sleep(5);
            }
            return null;
        });
        waitFor(() -> job.status() == JobStatus.RUNNING);
        dialogs.confirmAnswers.add(false);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirmations).singleElement().asString().contains("still running");
        assertThat(session.stage().isShowing()).as("answered no: the studio stays").isTrue();

        dialogs.confirmAnswers.add(true);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.stage().isShowing()).as("answered yes: the window closes").isFalse();
        job.cancel();
    }

    @Test
    void clickingTheJobsAreaOfTheStatusBarOpensTheJobCenter(FxRobot robot) {
        robot.clickOn(find(robot, "#status-jobs").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.window().viewModel().jobCenterVisibleProperty().get()).isTrue();
        assertThat(find(robot, "#job-list").tryQuery()).isPresent();
    }

    @Test
    void openWorkspaceFromHomeSwitchesTitleHomeAndStatusBar(FxRobot robot) throws Exception {
        Path other = tmp.resolve("churn-study");
        dialogs.directoryAnswers.add(other);
        robot.clickOn(find(robot, "#home-open-workspace").queryAs(Node.class));

        waitFor(() -> "Osprey — churn-study".equals(session.stage().getTitle()));
        waitFor(() -> other.toString().equals(find(robot, "#status-workspace").queryLabeled().getText()));
        waitFor(() -> "churn-study".equals(find(robot, "#home-workspace-name").queryLabeled().getText()));
        waitFor(() -> find(robot, "#home-datasets .empty-state").tryQuery().isPresent());
        // the previous workspace gets closed (just after the switch is shown): its lock becomes free again
        waitFor(() -> {
            try {
                Engine.open(workspace).close();
                return true;
            } catch (dev.osprey.core.workspace.WorkspaceLockedException stillClosing) {
                return false;
            }
        });
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void withoutAWorkspaceHomeOffersToOpenOrCreateOne(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> session.context().switchEngine(null)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.stage().getTitle()).isEqualTo("Osprey");
        assertThat(find(robot, "#home-workspace-name").queryLabeled().getText()).isEqualTo("No workspace open");
        assertThat(find(robot, "#status-workspace").queryLabeled().getText()).isEqualTo("No workspace open");
        assertThat(shown(find(robot, "#home-datasets").query())).as("no workspace, no contents").isFalse();
        assertThat(shown(find(robot, "#home-welcome").query())).isTrue();
        assertThat(shown(find(robot, "#home-welcome-new").query())).isTrue();
        assertThat(shown(find(robot, "#home-new-workspace").query())).as("one set of buttons").isFalse();
        waitFor(() -> find(robot, "#home-recent .item-name").queryAll().size() == 2);
        screenshot("home-no-workspace.png");

        Path created = tmp.resolve("new-project");
        dialogs.directoryAnswers.add(created);
        robot.clickOn(find(robot, "#home-welcome-new").queryAs(Node.class));
        waitFor(() -> "Osprey — new-project".equals(session.stage().getTitle()));
        assertThat(Files.isRegularFile(created.resolve("osprey.db"))).isTrue();
        waitFor(() -> shown(find(robot, "#home-datasets").query()));
    }

    @Test
    void screenshotOfTheHomePage(FxRobot robot) throws Exception {
        waitFor(() -> find(robot, "#home-datasets .item-name").queryAll().size() == 2
                && find(robot, "#home-recent .item-name").queryAll().size() == 2);
        Path png = screenshot("main-window.png");
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private Path screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> session.window().scene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
