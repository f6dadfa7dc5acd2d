package dev.osprey.app.quality;

import dev.osprey.core.quality.QualityReport;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The data quality and insights report of one dataset, as a Node another page hosts (the Data
 * page opens it for its dataset): a header with the target choice and "Export HTML…", progress
 * and cancel while the report runs, then the summary, warnings, the column table with mini
 * histograms, the leakage chart and the quick model. Opening the view starts the report.
 *
 * <pre>{@code
 * QualityReportView view = new QualityReportView(new QualityReportViewModel(app, datasetId, Optional.empty()));
 * pane.getChildren().add(view.node());
 * }</pre>
 */
public final class QualityReportView {
    /** Asks where to save the HTML file; the studio shows a save dialog, tests answer directly. */
    @FunctionalInterface
    public interface SaveChooser {
        Optional<Path> choose(Window owner, String suggestedName);
    }

    private final QualityReportViewModel vm;
    private final SaveChooser saveChooser;
    private final BorderPane root = new BorderPane();
    private final VBox content = new VBox(16);

    public QualityReportView(QualityReportViewModel vm) {
        this(vm, QualityReportView::saveDialog);
    }

    public QualityReportView(QualityReportViewModel vm, SaveChooser saveChooser) {
        this.vm = Objects.requireNonNull(vm);
        this.saveChooser = Objects.requireNonNull(saveChooser);
        root.setId("qualityReport");
        root.getStyleClass().add("quality-report");
        root.getStylesheets().add(Objects.requireNonNull(QualityReportView.class.getResource("quality.css")).toExternalForm());
        root.setTop(new VBox(8, header(), progressRow(), failureLabel()));
        content.setPadding(new Insets(4, 16, 16, 16));
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("qualityContent");
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        vm.reportProperty().addListener((o, a, b) -> show(b));
        show(vm.reportProperty().get());
        vm.startIfIdle();
    }

    public Node node() {
        return root;
    }

    private Node header() {
        Label title = new Label();
        title.setId("qualityTitle");
        title.getStyleClass().add("report-title");
        title.textProperty().bind(Bindings.concat("Data quality \u00b7 ", vm.datasetNameProperty()));
        ComboBox<String> target = new ComboBox<>(vm.targetChoices());
        target.setId("qualityTarget");
        bindTarget(target);
        target.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get().isRunning(), vm.stateProperty()));
        Button run = new Button("Run report");
        run.setId("qualityRun");
        run.disableProperty().bind(target.disableProperty());
        run.setOnAction(e -> vm.start());
        Button export = new Button("Export HTML\u2026");
        export.setId("qualityExport");
        export.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.reportProperty().get() == null || vm.stateProperty().get().isRunning(), vm.reportProperty(), vm.stateProperty()));
        export.setOnAction(e -> export());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, title, spacer, new Label("Target"), target, run, export);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 16, 0, 16));
        return box;
    }

    /**
     * Keeps the choice and the view model's target in step by hand: a bidirectional binding loses
     * the value (and the shown text) when the choices arrive after the target was set.
     */
    private void bindTarget(ComboBox<String> target) {
        boolean[] syncing = {false};
        Runnable sync = () -> {
            syncing[0] = true;
            String v = vm.targetProperty().get();
            if (v == null) {
                target.getSelectionModel().clearSelection();
            } else {
                target.getSelectionModel().select(v);
            }
            syncing[0] = false;
        };
        target.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing[0] && b != null) {
                vm.targetProperty().set(b);
            }
        });
        vm.targetProperty().addListener(o -> sync.run());
        vm.targetChoices().addListener((javafx.collections.ListChangeListener<String>) c -> sync.run());
        sync.run();
    }

    private Node progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("qualityProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("qualityMessage");
        message.textProperty().bind(vm.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("qualityCancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(10, bar, message, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 16, 0, 16));
        var running = Bindings.createBooleanBinding(() -> vm.stateProperty().get().isRunning(), vm.stateProperty());
        row.visibleProperty().bind(running);
        row.managedProperty().bind(running);
        return row;
    }

    private Node failureLabel() {
        Label failure = new Label();
        failure.setId("qualityFailure");
        failure.getStyleClass().add("failure");
        failure.setWrapText(true);
        failure.setPadding(new Insets(0, 16, 0, 16));
        failure.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case FAILED -> "The report failed: " + vm.failureProperty().get();
            case CANCELLED -> "The report was cancelled.";
            default -> "";
        }, vm.stateProperty(), vm.failureProperty()));
        failure.visibleProperty().bind(failure.textProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        return failure;
    }

    private void show(QualityReport r) {
        content.getChildren().clear();
        if (r == null) {
            return;
        }
        content.getChildren().addAll(ReportSections.summary(r), ReportSections.warnings(r), ReportSections.columns(r));
        for (Node n : new Node[]{ReportSections.leakage(r), ReportSections.quickModel(r), ReportSections.notes(r)}) {
            if (n != null) {
                content.getChildren().add(n);
            }
        }
    }

    private void export() {
        QualityReport r = vm.reportProperty().get();
        if (r == null) {
            return;
        }
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        saveChooser.choose(owner, r.dataset() + "-quality.html").ifPresent(vm::exportHtml);
    }

    private static Optional<Path> saveDialog(Window owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the quality report");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML file", "*.html"));
        File f = chooser.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
