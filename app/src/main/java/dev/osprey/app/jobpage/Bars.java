package dev.osprey.app.jobpage;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Horizontal bars in a grid, one row each: the name, the bar, its value. Names are never clipped:
 * they take the room they need and the bars the rest. The Tuning tab's parameter importance and
 * the AutoML winner's feature importance.
 */
public final class Bars {
    private Bars() {
    }

    /** Lays {@code grid} out in the three columns; the values' column is at least {@code valueWidth} wide. */
    public static void columns(GridPane grid, double vgap, double valueWidth) {
        grid.setHgap(8);
        grid.setVgap(vgap);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        bars.setFillWidth(true);
        ColumnConstraints values = new ColumnConstraints();
        values.setMinWidth(valueWidth);
        values.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(names, bars, values);
    }

    /** Adds row {@code row}: a bar {@code fraction} of the column wide and {@code height} high. */
    public static void add(GridPane grid, int row, String name, double fraction, String value, double height) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Region bar = new Region();
        bar.getStyleClass().add("importance-bar");
        bar.setMinHeight(height);
        bar.setMaxHeight(height);
        StackPane track = new StackPane(bar);
        track.setAlignment(Pos.CENTER_LEFT);
        track.setMinWidth(40);
        bar.maxWidthProperty().bind(track.widthProperty().multiply(fraction));
        bar.prefWidthProperty().bind(bar.maxWidthProperty());
        Label shown = new Label(value);
        shown.getStyleClass().add("hint");
        grid.addRow(row, label, track, shown);
    }
}
