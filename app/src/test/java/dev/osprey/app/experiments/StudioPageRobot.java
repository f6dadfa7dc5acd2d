package dev.osprey.app.experiments;

import dev.osprey.app.shell.StudioSession;
import javafx.embed.swing.SwingFXUtils;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the Experiments and Models UI tests share: lookups in the main window, waits and screenshots. */
public final class StudioPageRobot {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final StudioSession session;
    private final FxRobot robot;

    public StudioPageRobot(StudioSession session, FxRobot robot) {
        this.session = session;
        this.robot = robot;
    }

    public NodeQuery find(String query) {
        return robot.from(session.window().scene().getRoot()).lookup(query);
    }

    public static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    /** Reads UI state on the FX thread. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits; on a timeout saves what the window showed (target/screenshots/failed-NAME.png) before failing. */
    public void waitOrShow(String name, Callable<Boolean> condition) throws Exception {
        try {
            waitFor(condition);
        } catch (java.util.concurrent.TimeoutException e) {
            screenshot("failed-" + name + ".png");
            throw e;
        }
    }

    public void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        WaitForAsyncUtils.waitForFxEvents();
        var image = onFx(() -> session.window().scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
