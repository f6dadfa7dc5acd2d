package dev.osprey.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics. {@code confusion[actual][predicted]} counts rows; per-class scores
 * follow {@code labels}. ROC AUC is one-vs-rest macro for more than two classes; it (and any
 * score whose denominator is zero) is NaN when undefined.
 */
public record ClassificationReport(List<String> labels, double accuracy, double balancedAccuracy, double macroPrecision,
                                   double macroRecall, double macroF1, List<ClassScore> perClass, double rocAuc,
                                   double logLoss, int[][] confusion) {
    public ClassificationReport {
        labels = List.copyOf(labels);
        perClass = List.copyOf(perClass);
    }

    public record ClassScore(String label, double precision, double recall, double f1, int support) {
    }

    /** Flat form for runs and model.json: accuracy, f1_macro, ..., and per class precision[LABEL] etc. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("balanced_accuracy", balancedAccuracy);
        m.put("precision_macro", macroPrecision);
        m.put("recall_macro", macroRecall);
        m.put("f1_macro", macroF1);
        m.put("roc_auc", rocAuc);
        m.put("log_loss", logLoss);
        for (ClassScore c : perClass) {
            m.put("precision[" + c.label() + "]", c.precision());
            m.put("recall[" + c.label() + "]", c.recall());
            m.put("f1[" + c.label() + "]", c.f1());
        }
        return m;
    }
}
