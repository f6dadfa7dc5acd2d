package dev.osprey.app.tune;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * A search's progress bar with its Stop button, shown once a search started (the button only while
 * it runs): the status card of the Tuning and the AutoML tab.
 */
public final class ProgressRow extends HBox {
    public ProgressRow(String barId, String stopId, String stopTip, ReadOnlyDoubleProperty progress,
                       ReadOnlyObjectProperty<TuneState> state, Runnable stop) {
        super(10);
        ProgressBar bar = new ProgressBar(0);
        bar.setId(barId);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(progress);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button button = new Button("Stop", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        button.setId(stopId);
        button.getStyleClass().add("danger");
        button.setTooltip(new Tooltip(stopTip));
        button.visibleProperty().bind(Bindings.createBooleanBinding(() -> state.get().isRunning(), state));
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> stop.run());
        getChildren().addAll(bar, button);
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(state.isNotEqualTo(TuneState.IDLE));
        managedProperty().bind(visibleProperty());
    }
}
