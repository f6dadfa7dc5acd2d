package dev.osprey.app.train;

import dev.osprey.app.shell.Page;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.Objects;

/**
 * The Training page: the form on the left ({@link SetupForm}); on the right the current training
 * (title, state, progress, Cancel), its live curve ({@link LiveChart}) and, once done, its result
 * ({@link ResultPanel}). Layout and wiring only; the state is {@link TrainingViewModel}'s.
 */
public final class TrainingView implements Page {
    static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final TrainingViewModel model;
    private final BorderPane root = new BorderPane();
    private final SetupForm form;
    private final LiveChart live;

    public TrainingView(TrainingViewModel model) {
        this.model = Objects.requireNonNull(model);
        this.form = new SetupForm(model);
        this.live = new LiveChart(model);
        root.setId("trainingPage");
        root.getStyleClass().add("training-page");
        String theme = Application.getUserAgentStylesheet();
        if (theme == null || !theme.contains("atlantafx")) {
            root.getStylesheets().add(stylesheet("training-colors.css"));
        }
        root.getStylesheets().add(stylesheet("training.css"));
        root.setLeft(form);

        VBox main = new VBox(14, runHeader(), failureBanner(), live, new ResultPanel(model));
        main.getStyleClass().add("run-area");
        ScrollPane scroll = new ScrollPane(main);
        scroll.setId("runScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("run-scroll");
        root.setCenter(scroll);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private static String stylesheet(String name) {
        return Objects.requireNonNull(TrainingView.class.getResource(name), name).toExternalForm();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    TrainingViewModel model() {
        return model;
    }

    private Node runHeader() {
        Label title = new Label();
        title.setId("runTitle");
        title.getStyleClass().add("run-title");
        title.textProperty().bind(Bindings.when(model.runTitleProperty().isEmpty())
                .then("Nothing trained yet").otherwise(model.runTitleProperty()));

        Label state = new Label();
        state.setId("runState");
        state.getStyleClass().add("state-chip");
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case IDLE -> "";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        }, model.stateProperty()));
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        model.stateProperty().addListener((o, a, b) -> {
            state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-chip"));
            state.getStyleClass().add("state-" + b.name().toLowerCase(java.util.Locale.ROOT));
        });

        ProgressBar bar = new ProgressBar(0);
        bar.setId("trainingProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.stateProperty().isNotEqualTo(RunState.IDLE));
        bar.managedProperty().bind(bar.visibleProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);

        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        cancel.setId("cancelButton");
        cancel.getStyleClass().add("danger");
        cancel.setTooltip(new Tooltip("Stop the training; the run is recorded as cancelled"));
        cancel.visibleProperty().bind(Bindings.equal(RunState.RUNNING, model.stateProperty()));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());

        Label message = new Label();
        message.setId("progressMessage");
        message.getStyleClass().add("hint");
        message.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(RunState.IDLE))
                .then("Choose a dataset, its target and an algorithm, then Start training (Ctrl+Enter). "
                        + "The training runs in the background; the job center (Ctrl+J) lists it too.")
                .otherwise(model.progressMessageProperty()));
        message.setWrapText(true);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, title, state, gap);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox progressRow = new HBox(10, bar, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(bar.visibleProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        VBox box = new VBox(8, top, progressRow, message);
        box.getStyleClass().addAll("result-card", "run-header");
        return box;
    }

    private Node failureBanner() {
        Label failure = new Label();
        failure.setId("trainingFailure");
        failure.getStyleClass().add("failure-banner");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.setGraphic(new FontIcon(MaterialDesignA.ALERT_OCTAGON_OUTLINE));
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotNull());
        failure.managedProperty().bind(failure.visibleProperty());
        return failure;
    }

    private void onKey(KeyEvent e) {
        if (START.match(e)) {
            model.start();
            e.consume();
        }
    }

    /** For tests: the live chart. */
    LiveChart liveChart() {
        return live;
    }
}
