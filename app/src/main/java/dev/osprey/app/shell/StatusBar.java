package dev.osprey.app.shell;

import atlantafx.base.theme.Styles;
import dev.osprey.app.jobs.JobCenterViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom bar: workspace path, running jobs (click: job center), heap use. */
final class StatusBar {
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass HIGH = PseudoClass.getPseudoClass("high");

    private final HBox root;
    private final Timeline heapTimer;

    StatusBar(StatusBarViewModel vm, JobCenterViewModel jobs, Runnable toggleJobCenter) {
        Label workspace = new Label(null, new FontIcon("mdi2f-folder-outline"));
        workspace.setId("status-workspace");
        workspace.textProperty().bind(vm.workspacePathProperty());
        workspace.setMinWidth(0);
        workspace.getStyleClass().add("status-item");
        Tooltip path = new Tooltip();
        path.textProperty().bind(vm.workspacePathProperty());
        workspace.setTooltip(path);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        FontIcon jobsIcon = new FontIcon("mdi2p-progress-clock");
        Label jobText = new Label(null, jobsIcon);
        jobText.setId("status-jobs-text");
        jobText.textProperty().bind(jobs.summaryProperty());
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add(Styles.SMALL);
        bar.setPrefWidth(110);
        bar.progressProperty().bind(jobs.summaryProgressProperty());
        bar.visibleProperty().bind(jobs.activeCountProperty().greaterThan(0));
        bar.managedProperty().bind(bar.visibleProperty());
        HBox jobsArea = new HBox(8, jobText, bar);
        jobsArea.setId("status-jobs");
        jobsArea.setAlignment(Pos.CENTER_LEFT);
        jobsArea.getStyleClass().addAll("status-item", "status-jobs");
        jobsArea.setCursor(Cursor.HAND);
        jobsArea.setOnMouseClicked(e -> toggleJobCenter.run());
        Tooltip.install(jobsArea, new Tooltip("Show or hide the job center (Ctrl+J)"));
        jobs.activeCountProperty().addListener((o, a, n) -> jobsArea.pseudoClassStateChanged(ACTIVE, n.intValue() > 0));

        Label heap = new Label(null, new FontIcon("mdi2m-memory"));
        heap.setId("status-heap");
        heap.textProperty().bind(vm.heapTextProperty());
        heap.getStyleClass().add("status-item");
        heap.setTooltip(new Tooltip("Java heap in use / maximum"));
        vm.heapFractionProperty().addListener((o, a, f) -> heap.pseudoClassStateChanged(HIGH, f.doubleValue() > 0.85));

        root = new HBox(4, workspace, spacer, jobsArea, divider(), heap);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("status-bar");
        root.getStyleClass().add("status-bar");

        vm.sampleHeap();
        heapTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> vm.sampleHeap()));
        heapTimer.setCycleCount(Animation.INDEFINITE);
        heapTimer.play();
    }

    private static Node divider() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.getStyleClass().add("status-divider");
        return s;
    }

    Node node() {
        return root;
    }

    void stop() {
        heapTimer.stop();
    }
}
