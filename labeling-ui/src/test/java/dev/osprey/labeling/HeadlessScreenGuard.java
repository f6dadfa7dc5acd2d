package dev.osprey.labeling;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps every stage at (0, 20) when the tests run on JavaFX's Headless glass platform. That
 * platform's screen is a fixed 1000 x 1000 frame buffer and it copies each window into it without
 * clipping: a 1440-wide window centred on it starts at x = -220, the copy indexes below zero, and
 * from then on every repaint of that stage throws, failing every later UI test in the same JVM
 * (TestFX reuses one primary stage). Registered for all test classes through JUnit's extension
 * auto-detection (META-INF/services); does nothing on a real display. The app's JavaFX tests get it
 * (class and registration) through this module's test jar.
 */
public final class HeadlessScreenGuard implements BeforeAllCallback {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    /**
     * Twenty rows down, not zero: the copy indexes {@code (y + row) * 1000 + x + column}, so a
     * moment at a negative x (a wide stage being centred) stays above zero, while a 1500 x 900
     * stage still ends inside the buffer.
     */
    private static final double TOP = 20;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!"Headless".equalsIgnoreCase(System.getProperty("glass.platform")) || !INSTALLED.compareAndSet(false, true)) {
            return;
        }
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(HeadlessScreenGuard::pin);
                }
            });
            Window.getWindows().forEach(HeadlessScreenGuard::pin);
        });
    }

    private static void pin(Window window) {
        if (!(window instanceof javafx.stage.Stage)) {
            return; // popups (menus, tooltips, toasts) place themselves beside their owner
        }
        ChangeListener<Number> keep = (o, was, now) -> {
            if (window.getY() != TOP) {
                window.setY(TOP);
            }
            if (window.getX() != 0) {
                window.setX(0);
            }
        };
        window.xProperty().addListener(keep);
        window.yProperty().addListener(keep);
        window.setY(TOP);
        window.setX(0);
    }
}
