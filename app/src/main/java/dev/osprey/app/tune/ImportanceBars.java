package dev.osprey.app.tune;

import dev.osprey.app.jobpage.Bars;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
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
        Bars.columns(grid, 6, 44);
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
            Bars.add(grid, row++, e.getKey(), max <= 0 ? 0 : e.getValue() / max,
                    String.format(Locale.ROOT, "%.0f%%", e.getValue() * 100), 14);
        }
    }
}
