package dev.osprey.app.jobs;

import atlantafx.base.theme.Styles;
import dev.osprey.core.job.JobStatus;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A job in the job center: status icon, title, elapsed, cancel; progress bar; message. */
final class JobCell extends ListCell<JobRowModel> {
    private final JobCenterViewModel viewModel;
    private final FontIcon icon = new FontIcon();
    private final Label title = new Label();
    private final Label elapsed = new Label();
    private final Button cancel = new Button("Cancel");
    private final ProgressBar bar = new ProgressBar();
    private final Label status = new Label();
    private final Label percent = new Label();
    private final Label message = new Label();
    private final Hyperlink details = new Hyperlink("Details…");
    private final VBox box;
    private final ChangeListener<JobStatus> statusListener = (o, a, b) -> showStatus(b);
    private JobRowModel bound;

    JobCell(JobCenterViewModel viewModel) {
        this.viewModel = viewModel;
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        elapsed.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT, "job-cancel");
        cancel.setOnAction(e -> {
            if (bound != null) {
                viewModel.cancel(bound);
            }
        });
        details.getStyleClass().add(Styles.TEXT_SMALL);
        details.setOnAction(e -> {
            if (bound != null) {
                viewModel.showFailure(bound);
            }
        });
        HBox top = new HBox(8, icon, title, elapsed, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add(Styles.SMALL);
        bar.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().addAll(Styles.TEXT_SMALL, "job-status");
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        percent.getStyleClass().addAll(Styles.TEXT_SMALL, "job-percent");
        HBox bottom = new HBox(6, status, percent, message, details);
        bottom.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(6, top, bar, bottom);
        box.getStyleClass().add("job-row");
        setText(null);
    }

    @Override
    protected void updateItem(JobRowModel row, boolean empty) {
        super.updateItem(row, empty);
        unbind();
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        bound = row;
        title.textProperty().bind(row.titleProperty());
        elapsed.textProperty().bind(row.elapsedProperty());
        bar.progressProperty().bind(row.progressProperty());
        status.textProperty().bind(row.statusTextProperty());
        percent.textProperty().bind(row.percentProperty());
        message.textProperty().bind(row.messageProperty());
        cancel.visibleProperty().bind(row.cancellableProperty());
        cancel.managedProperty().bind(row.cancellableProperty());
        row.statusProperty().addListener(statusListener);
        showStatus(row.statusProperty().get());
        setGraphic(box);
    }

    private void unbind() {
        if (bound == null) {
            return;
        }
        title.textProperty().unbind();
        elapsed.textProperty().unbind();
        bar.progressProperty().unbind();
        status.textProperty().unbind();
        percent.textProperty().unbind();
        message.textProperty().unbind();
        cancel.visibleProperty().unbind();
        cancel.managedProperty().unbind();
        bound.statusProperty().removeListener(statusListener);
        bound = null;
    }

    private void showStatus(JobStatus s) {
        icon.setIconLiteral(switch (s) {
            case QUEUED -> "mdi2t-timer-sand";
            case RUNNING -> "mdi2p-progress-clock";
            case SUCCEEDED -> "mdi2c-check-circle";
            case FAILED -> "mdi2a-alert-circle";
            case CANCELLED -> "mdi2c-cancel";
        });
        icon.getStyleClass().setAll("ikonli-font-icon", "job-icon", "job-" + s.name().toLowerCase(java.util.Locale.ROOT));
        status.getStyleClass().removeIf(c -> c.startsWith("job-status-"));
        status.getStyleClass().add("job-status-" + s.name().toLowerCase(java.util.Locale.ROOT));
        bar.setVisible(!s.isTerminal());
        bar.setManaged(!s.isTerminal());
        details.setVisible(s == JobStatus.FAILED);
        details.setManaged(s == JobStatus.FAILED);
    }
}
