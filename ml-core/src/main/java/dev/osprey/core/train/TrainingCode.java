package dev.osprey.core.train;

import java.util.Map;
import java.util.TreeMap;

/**
 * "Export to notebook": the Java source of a notebook cell that trains the same model again
 * through the workspace API and records it as a new run. The cell opens the workspace named by
 * the system property {@value #WORKSPACE_PROPERTY}, which the notebook kernel sets to the
 * studio's workspace folder, and closes it at the end of the cell (so the workspace lock is held
 * only while the cell runs). It leaves the result in a variable {@code result} for later cells.
 * Every type is written fully qualified, so the cell needs no imports.
 */
public final class TrainingCode {
    /** The system property holding the workspace folder a generated cell opens. */
    public static final String WORKSPACE_PROPERTY = "osprey.workspace";

    private TrainingCode() {
    }

    /** The cell for {@code request} on the dataset called {@code datasetName} (the request holds only its id). */
    public static String javaCell(TrainingRequest request, String datasetName) {
        if (datasetName == null || datasetName.isBlank()) {
            throw new IllegalArgumentException("The cell needs the dataset's name.");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("// Trains ").append(comment(request.algorithm())).append(" on '").append(comment(datasetName))
                .append(request.isClustering() ? "' to cluster its rows" : "' to predict '" + comment(request.target()) + "'")
                .append(" and records it as a run.\n");
        if (request.recipe().orElse(null) instanceof RecipeRef.Fitted f) {
            // a fitted recipe held in memory cannot be written as code
            sb.append("// It was trained through the unsaved recipe '").append(comment(f.label())).append("', which this cell"
                    + " leaves out: save the recipe and add .withRecipe(NAME, null) to train through it.\n");
        }
        sb.append("// The kernel sets the system property ").append(WORKSPACE_PROPERTY).append(" to the workspace folder.\n");
        sb.append("dev.osprey.core.train.TrainingResult result;\n");
        sb.append("try (var engine = dev.osprey.core.Engine.open(java.nio.file.Path.of(System.getProperty(")
                .append(literal(WORKSPACE_PROPERTY)).append(")))) {\n");
        sb.append("    var dataset = engine.datasets().find(").append(literal(datasetName))
                .append(").orElseThrow(() -> new IllegalStateException(").append(literal("There is no dataset '" + datasetName + "'."))
                .append("));\n");
        if (request.isClustering()) {
            sb.append("    var request = dev.osprey.core.train.TrainingRequest.clustering(dataset.id(), ")
                    .append(literal(request.algorithm())).append(")\n");
        } else {
            sb.append("    var request = dev.osprey.core.train.TrainingRequest.of(dataset.id(), ").append(literal(request.target()))
                    .append(", ").append(literal(request.algorithm())).append(")\n");
        }
        sb.append("            .withOptions(").append(options(request.options())).append(")");
        if (!request.isClustering()) {
            sb.append("\n            .withValidation(").append(validation(request.validation())).append(")");
        }
        request.problemType().filter(t -> !request.isClustering()).ifPresent(t -> sb.append("\n            .withProblemType(dev.osprey.core.train.ProblemType.")
                .append(t.name()).append(")"));
        request.experiment().ifPresent(e -> sb.append("\n            .withExperiment(").append(literal(e)).append(")"));
        if (request.recipe().orElse(null) instanceof RecipeRef.Saved r) {
            sb.append("\n            .withRecipe(").append(literal(r.name())).append(", ")
                    .append(r.version() == null ? "null" : r.version().toString()).append(")");
        }
        if (request.rowLimit() > 0) {
            sb.append("\n            .withRowLimit(").append(request.rowLimit()).append("L)");
        }
        sb.append(";\n");
        sb.append("    result = engine.training().train(request, dev.osprey.core.job.JobContext.NONE);\n");
        sb.append("}\n");
        sb.append("System.out.println(\"run \" + result.runId() + \": \" + result.metrics());\n");
        return sb.toString();
    }

    private static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "java.util.Map.of()";
        }
        StringBuilder sb = new StringBuilder("java.util.Map.ofEntries(");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            sb.append(first ? "\n" : ",\n").append("                    java.util.Map.entry(")
                    .append(literal(e.getKey())).append(", ").append(literal(e.getValue())).append(")");
            first = false;
        }
        return sb.append(")").toString();
    }

    private static String validation(Validation v) {
        return switch (v) {
            case Validation.Holdout h -> "new dev.osprey.core.train.Validation.Holdout(" + h.ratio() + ", " + h.seed() + "L)";
            case Validation.KFold k -> "new dev.osprey.core.train.Validation.KFold(" + k.k() + ", " + k.seed() + "L)";
            case Validation.StratifiedKFold k -> "new dev.osprey.core.train.Validation.StratifiedKFold(" + k.k() + ", "
                    + k.seed() + "L)";
        };
    }

    /** A Java string literal: quotes, backslashes and control characters escaped. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x80 && !Character.isLetterOrDigit(c))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Text safe inside a line comment (no line breaks, no unicode escapes that javac would read). */
    private static String comment(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").replace("\\u", "\\ u");
    }
}
