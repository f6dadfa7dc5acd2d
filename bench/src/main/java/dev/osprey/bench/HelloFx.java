package dev.osprey.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The cold-start peer: the smallest JavaFX window on the same class path, timed the same way as
 * the studio (the start of the second pulse after the window is shown). The gap
 * between it and Osprey is what Osprey's own start-up costs.
 */
public final class HelloFx {
    private HelloFx() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application class JavaFX instantiates. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1280, 800));
            stage.show();
            // Timed like the studio's probe: the second pulse starts after the first frame was rendered.
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses == 2) {
                        stop();
                        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                        System.out.println("FIRST_PAINT " + ms);
                        System.out.flush();
                        Thread.ofPlatform().daemon().start(() -> System.exit(0));
                    }
                }
            }.start();
        }
    }
}
