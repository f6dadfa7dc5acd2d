package dev.osprey.app.tune;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hyperparameter importance as horizontal bars, largest first: the share of the objective's
 * spread over the complete trials each parameter explains. Names are never clipped: they take
 * the room they need and the bars the rest.
 */
final class ImportanceBars extends StackPane {
    private final GridPane grid = new GridPane();
    private final Label empty = new Label("Importance appears once three trials are complete.");

    ImportanceBars(TuningViewModel model) {
        setId("importanceBars");
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bars = new ColumnConstraints();
        bars.setHgrow(Priority.ALWAYS);
        bars.setFillWidth(true);
        ColumnConstraints shares = new ColumnConstraints();
        shares.setMinWidth(44);
        shares.setHalignment(javafx.geometry.HPos.RIGHT);
        grid.getColumnConstraints().addAll(names, bars, shares);
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        getChildren().addAll(grid, empty);
        setAlignment(Pos.TOP_LEFT);
        setMinHeight(120);
        model.importanceProperty().addListener((o, a, m) -> show(m));
        show(model.importanceProperty().get());
    }

    private void show(Map<String, Double> shares) {
        grid.getChildren().clear();
        boolean any = shares != null && shares.values().stream().anyMatch(v -> v > 0);
        empty.setVisible(!any);
        if (!any) {
            return;
        }
        List<Map.Entry<String, Double>> order = shares.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).toList();
        double max = order.getFirst().getValue();
        int row = 0;
        for (Map.Entry<String, Double> e : order) {
            Label name = new Label(e.getKey());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = new Region();
            bar.getStyleClass().add("importance-bar");
            bar.setMinHeight(14);
            bar.setMaxHeight(14);
            StackPane track = new StackPane(bar);
            track.setAlignment(Pos.CENTER_LEFT);
            double fraction = max <= 0 ? 0 : e.getValue() / max;
            bar.maxWidthProperty().bind(track.widthProperty().multiply(fraction));
            bar.prefWidthProperty().bind(bar.maxWidthProperty());
            track.setMinWidth(40);
            Label share = new Label(String.format(Locale.ROOT, "%.0f%%", e.getValue() * 100));
            share.getStyleClass().add("hint");
            grid.addRow(row++, name, track, share);
        }
    }
}
