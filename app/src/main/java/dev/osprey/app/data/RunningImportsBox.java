package dev.osprey.app.data;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The imports this page started that are still running, above the list: the file, a busy bar
 * and Cancel. Detailed progress lives in the job center; this only says "it is coming".
 */
final class RunningImportsBox extends VBox {
    RunningImportsBox(ImportFlow flow) {
        getStyleClass().add("running-imports");
        setSpacing(6);
        flow.running().addListener((ListChangeListener<RunningImport>) c -> rebuild(flow));
        rebuild(flow);
    }

    private void rebuild(ImportFlow flow) {
        getChildren().clear();
        for (RunningImport r : flow.running()) {
            Label name = new Label("Importing " + r.fileName() + "…");
            name.getStyleClass().add("running-name");
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
            cancel.getStyleClass().addAll("flat", "small");
            cancel.setTooltip(new Tooltip("Cancel this import"));
            cancel.setOnAction(e -> r.cancel());
            HBox line = new HBox(6, name, cancel);
            line.setAlignment(Pos.CENTER_LEFT);
            ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
            bar.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(new VBox(4, line, bar));
        }
        setVisible(!getChildren().isEmpty());
        setManaged(isVisible());
    }
}
