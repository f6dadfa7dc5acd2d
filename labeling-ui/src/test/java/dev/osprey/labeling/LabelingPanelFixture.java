package dev.osprey.labeling;

import dev.osprey.core.workspace.Workspace;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What the labeling panel's UI tests share: the test's stage, a workspace and an image loader
 * closed after each test, a panel opened on the stage, the wait for the n-th item shown, street
 * pictures to box, and a snapshot of the scene under /tmp/shots. A test class sets {@link #stage}
 * from its own {@code @Start} method (TestFX only looks for one declared on the test class).
 */
abstract class LabelingPanelFixture {
    protected Stage stage;
    protected Workspace workspace;
    /** The ids of the items shown, in order, across the panels opened. */
    protected final List<Long> shown = new CopyOnWriteArrayList<>();
    private ImageLoader loader;

    @AfterEach
    void closeWorkspace() {
        if (loader != null) {
            loader.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    /** A panel over {@code session} in a {@code width} x {@code height} scene on the stage, started and focused. */
    protected LabelingPanel open(LabelingSession session, double width, double height, boolean topLeft) throws Exception {
        loader = loader == null ? new ImageLoader(workspace.root(), 2048, true) : loader;
        LabelingPanel panel = new LabelingPanel(session, loader);
        panel.setOnShown(shown::add);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new Scene(panel, width, height));
            if (topLeft) {
                stage.setX(0);
                stage.setY(0);
            }
            stage.show();
            panel.start();
            panel.requestFocus();
        }).get(10, TimeUnit.SECONDS);
        return panel;
    }

    /** Waits until {@code count} items have been shown and the FX thread has caught up. */
    protected void waitShown(int count) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown.size() >= count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * {@code count} 800 x 600 street pictures, street0.png and on, in {@code dir}: a background of
     * {@code background.apply(i)} with an orange car at (100, 100), 200 x 150. Returns their paths.
     */
    protected static List<String> streetImages(Path dir, int count, IntFunction<Color> background) throws Exception {
        Files.createDirectories(dir);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(background.apply(i));
            g.fillRect(0, 0, 800, 600);
            g.setColor(Color.ORANGE);
            g.fillRect(100, 100, 200, 150);
            g.dispose();
            Path p = dir.resolve("street" + i + ".png");
            ImageIO.write(img, "png", p.toFile());
            sources.add(p.toString());
        }
        return sources;
    }

    /** Writes the panel's scene to /tmp/shots/{@code name}, to look at. */
    protected static void snapshot(LabelingPanel panel, String name) throws Exception {
        Files.createDirectories(Path.of("/tmp/shots"));
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage img = panel.getScene().snapshot(null);
            BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                }
            }
            try {
                ImageIO.write(out, "png", Path.of("/tmp/shots", name).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
