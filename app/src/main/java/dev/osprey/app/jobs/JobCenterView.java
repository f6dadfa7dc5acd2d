package dev.osprey.app.jobs;

import atlantafx.base.theme.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The job center: a side panel listing every job of the session, live. Imports, training runs
 * and tuning studies all land here, each with progress, elapsed time and a Cancel button.
 */
public final class JobCenterView {
    private final VBox root;
    private final Timeline ticker;

    /** {@code onClose} hides the panel (the shell owns whether it is shown). */
    public JobCenterView(JobCenterViewModel viewModel, Runnable onClose) {
        Label heading = new Label("Jobs");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label count = new Label();
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        count.textProperty().bind(viewModel.activeCountProperty().asString("%d running"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button clear = new Button("Clear finished", new FontIcon("mdi2b-broom"));
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setId("job-center-clear");
        clear.disableProperty().bind(viewModel.hasFinishedProperty().not());
        clear.setOnAction(e -> viewModel.clearFinished());

        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip("Hide the job center (Ctrl+J)"));
        close.setOnAction(e -> onClose.run());

        HBox header = new HBox(8, heading, count, spacer, clear, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("job-center-header");

        ListView<JobRowModel> list = new ListView<>(viewModel.rows());
        list.setId("job-list");
        list.setCellFactory(v -> new JobCell(viewModel));
        list.getStyleClass().add("job-list");
        Label empty = new Label("No jobs in this session.\nImports, training runs and tuning studies appear here while they run.");
        empty.setWrapText(true);
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state");
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        root = new VBox(header, list);
        root.setId("job-center");
        root.getStyleClass().add("job-center");
        root.setPrefWidth(380);
        root.setMinWidth(300);

        // Elapsed times of running jobs tick between progress events.
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        root.visibleProperty().addListener((o, was, shown) -> {
            if (shown) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
        if (root.isVisible()) {
            ticker.play();
        }
    }

    public Node node() {
        return root;
    }
}
