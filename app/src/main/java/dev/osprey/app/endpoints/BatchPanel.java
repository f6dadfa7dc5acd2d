package dev.osprey.app.endpoints;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;

/** Batch transform: a file in, a file out, a model version; progress, cancel and the summary. */
final class BatchPanel extends VBox {
    BatchPanel(BatchPanelModel m, DeployForm form) {
        super(14);
        setId("batchPanel");
        getStyleClass().add("main-pane");
        Label title = new Label("Batch transform");
        title.getStyleClass().add("page-title");
        Label intro = new Label("Score every row of a CSV, Parquet or JSON Lines file of any size with a model version, on all"
                + " cores, without an endpoint. Rows the model cannot read go to OUTPUT.rejected.csv with their line and reason."
                + " Same as `osprey batch`.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");

        ComboBox<String> model = new ComboBox<>(form.models());
        model.setId("batchModel");
        model.valueProperty().bindBidirectional(form.modelProperty());
        ComboBox<Integer> version = new ComboBox<>(form.versions());
        version.setId("batchVersion");
        version.valueProperty().bindBidirectional(form.versionProperty());
        TextField input = new TextField();
        input.setId("batchInput");
        input.setPromptText("input file (.csv, .parquet, .jsonl)");
        input.textProperty().bindBidirectional(m.inputProperty());
        TextField output = new TextField();
        output.setId("batchOutput");
        output.setPromptText("output file (.csv or .jsonl)");
        output.textProperty().bindBidirectional(m.outputProperty());
        Button browseIn = new Button("Choose\u2026");
        browseIn.setOnAction(e -> choose(input, false));
        Button browseOut = new Button("Choose\u2026");
        browseOut.setOnAction(e -> choose(output, true));
        CheckBox join = new CheckBox("Join the input columns");
        join.setId("batchJoin");
        join.selectedProperty().bindBidirectional(m.joinInputProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Model"), new HBox(8, model, version));
        grid.addRow(1, new Label("Input"), input, browseIn);
        grid.addRow(2, new Label("Output"), output, browseOut);
        grid.add(join, 1, 3);
        GridPane.setHgrow(input, Priority.ALWAYS);
        GridPane.setHgrow(output, Priority.ALWAYS);

        Button run = new Button("Run", new FontIcon("mdi2p-play"));
        run.setId("batchRun");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(m.runningProperty());
        run.setOnAction(e -> m.run());
        Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop"));
        cancel.setId("batchCancel");
        cancel.disableProperty().bind(m.runningProperty().not());
        cancel.setOnAction(e -> m.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("batchProgress");
        bar.progressProperty().bind(m.progressProperty());
        bar.setPrefWidth(260);
        bar.visibleProperty().bind(m.runningProperty());
        Label msg = new Label();
        msg.textProperty().bind(m.messageProperty());
        HBox actions = new HBox(10, run, cancel, bar, msg);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("batchSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("batch-summary");
        summary.textProperty().bind(m.summaryProperty());
        Label error = new Label(null, new FontIcon("mdi2a-alert-circle-outline"));
        error.setId("batchError");
        error.getStyleClass().add("error-line");
        error.setWrapText(true);
        error.textProperty().bind(m.errorProperty());
        error.visibleProperty().bind(m.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox card = new VBox(12, grid, actions, summary, error);
        card.getStyleClass().addAll("card", "property-card");
        getChildren().setAll(title, intro, card);
    }

    // A file dialog is the view's business; the chosen path goes into the view model's property.
    private void choose(TextField field, boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(save ? "Write the scored rows to" : "Rows to score");
        if (!field.getText().isBlank()) {
            Path p = Path.of(field.getText().strip());
            if (p.getParent() != null && p.getParent().toFile().isDirectory()) {
                fc.setInitialDirectory(p.getParent().toFile());
            }
        }
        File f = save ? fc.showSaveDialog(getScene().getWindow()) : fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            field.setText(f.getAbsolutePath());
        }
    }
}
