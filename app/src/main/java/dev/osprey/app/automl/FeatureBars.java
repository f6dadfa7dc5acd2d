package dev.osprey.app.automl;

import dev.osprey.app.tune.MetricFormat;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The winner's feature importance as horizontal bars, largest first (at most 12 features). */
final class FeatureBars extends GridPane {
    private static final int SHOWN = 12;

    FeatureBars() {
        setId("featureBars");
        setHgap(8);
        setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        ColumnConstraints values = new ColumnConstraints();
        values.setMinWidth(60);
        values.setHalignment(HPos.RIGHT);
        getColumnConstraints().addAll(names, bars, values);
    }

    void show(Map<String, Double> byColumn) {
        getChildren().clear();
        List<Map.Entry<String, Double>> order = byColumn.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(SHOWN).toList();
        if (order.isEmpty()) {
            add(new Label("The winner reports no feature importance."), 0, 0, 3, 1);
            return;
        }
        double max = Math.max(1e-12, order.stream().mapToDouble(e -> Math.abs(e.getValue())).max().orElse(1));
        int row = 0;
        for (Map.Entry<String, Double> e : order) {
            Label name = new Label(e.getKey());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = new Region();
            bar.getStyleClass().add("importance-bar");
            bar.setMinHeight(13);
            bar.setMaxHeight(13);
            StackPane track = new StackPane(bar);
            track.setAlignment(Pos.CENTER_LEFT);
            track.setMinWidth(40);
            bar.maxWidthProperty().bind(track.widthProperty().multiply(Math.abs(e.getValue()) / max));
            bar.prefWidthProperty().bind(bar.maxWidthProperty());
            Label value = new Label(MetricFormat.value(e.getValue()));
            value.getStyleClass().add("hint");
            addRow(row++, name, track, value);
        }
    }
}
