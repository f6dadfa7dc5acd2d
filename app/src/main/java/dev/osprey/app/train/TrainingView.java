package dev.osprey.app.train;

import dev.osprey.app.jobpage.RunHeader;
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
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
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

        VBox main = new VBox(14, runHeader(), RunHeader.failureBanner("trainingFailure", model.failureProperty(), true),
                live, new ResultPanel(model));
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
        Label title = RunHeader.title("runTitle", model.runTitleProperty(), "Nothing trained yet");
        Label state = RunHeader.styledByState(RunHeader.stateChip("runState", model.stateProperty(), s -> switch (s) {
            case IDLE -> "";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        }), model.stateProperty(), s -> "state-" + s.name().toLowerCase(java.util.Locale.ROOT));

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

        Label message = RunHeader.message("progressMessage", model.stateProperty(), RunState.IDLE,
                "Choose a dataset, its target and an algorithm, then Start training (Ctrl+Enter). "
                        + "The training runs in the background; the job center (Ctrl+J) lists it too.",
                model.progressMessageProperty());

        HBox progressRow = new HBox(10, bar, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(bar.visibleProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        return RunHeader.card(RunHeader.titleRow(title, state, true), progressRow, message);
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
