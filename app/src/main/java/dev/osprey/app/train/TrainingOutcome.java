package dev.osprey.app.train;

import dev.osprey.core.train.ClassificationReport;
import dev.osprey.core.train.ClusterReport;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainingCode;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished training as the result panel shows it: the request and ml-core's result, the
 * plots of the held-out predictions, and what the run was (dataset, algorithm, validation) in words.
 */
public record TrainingOutcome(TrainingRequest request, TrainingResult result, Diagnostics diagnostics,
                              String datasetName, String algorithmName, String validation) {
    public TrainingOutcome {
        Objects.requireNonNull(request);
        Objects.requireNonNull(result);
        Objects.requireNonNull(diagnostics);
    }

    /** "exam_scores" trained for exam_score suggests "exam-score": the target (a clustering: "DATASET-clusters"), as a model name. */
    public String suggestedModelName() {
        String base = problemType() == ProblemType.CLUSTERING ? datasetName + " clusters" : result.model().signature().output();
        String s = base.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "model" : s;
    }

    /** "Export to notebook": a Java cell that trains the same model again in a notebook. */
    public String notebookCell() {
        return TrainingCode.javaCell(request, datasetName);
    }

    public ProblemType problemType() {
        return result.model().signature().problemType();
    }

    /** The headline metrics (validation scores), then the per-class scores of a classifier. */
    public List<MetricRow> metrics() {
        List<MetricRow> rows = new ArrayList<>();
        Map<String, Double> perClass = new LinkedHashMap<>();
        result.metrics().forEach((k, v) -> {
            if (k.contains("[")) {
                perClass.put(k, v);
            } else {
                rows.add(MetricRow.of(k, v));
            }
        });
        perClass.forEach((k, v) -> rows.add(MetricRow.of(k, v)));
        return rows;
    }

    /** The value of one metric ({@code r2}, {@code accuracy}, ...), if the run has it. */
    public Optional<Double> metric(String key) {
        return Optional.ofNullable(result.metrics().get(key));
    }

    public Optional<ClassificationReport> report() {
        return result.report();
    }

    /** A clustering's cluster sizes and noise count. */
    public Optional<ClusterReport> clusters() {
        return result.clusters();
    }

    /** Feature importance, largest first. */
    public Map<String, Double> importance() {
        return result.importance().byColumn();
    }

    public String importanceMethod() {
        return result.importance().method();
    }
}
