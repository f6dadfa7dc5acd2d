package dev.osprey.app.automl;

import dev.osprey.app.jobpage.Bars;
import dev.osprey.app.tune.MetricFormat;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The winner's feature importance as horizontal bars, largest first (at most 12 features). */
final class FeatureBars extends GridPane {
    private static final int SHOWN = 12;

    FeatureBars() {
        setId("featureBars");
        Bars.columns(this, 5, 60);
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
            Bars.add(this, row++, e.getKey(), Math.abs(e.getValue()) / max, MetricFormat.value(e.getValue()), 13);
        }
    }
}
