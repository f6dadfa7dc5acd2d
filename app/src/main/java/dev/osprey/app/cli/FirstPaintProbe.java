package dev.osprey.app.cli;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;

/**
 * The cold-start benchmark's stopwatch: prints {@code FIRST_PAINT <ms since JVM start>} once the
 * first window has been shown and its first frame rendered, then exits. JavaFX has no public
 * "frame rendered" callback; an {@link AnimationTimer} runs at the start of every pulse, so its
 * second call comes right after the pulse that rendered the first frame. Watches
 * {@link Window#getWindows()}, so the studio needs no hook of its own.
 */
final class FirstPaintProbe {
    private FirstPaintProbe() {
    }

    static void install() {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    startTimer();
                }
            }
        });
    }

    private static void startTimer() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    report();
                }
            }
        }.start();
    }

    private static void report() {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("FIRST_PAINT " + ms);
        System.out.flush();
        // Off the FX thread: System.exit waits for shutdown hooks, which may need the FX thread.
        Thread.ofPlatform().daemon().start(() -> System.exit(0));
    }
}
