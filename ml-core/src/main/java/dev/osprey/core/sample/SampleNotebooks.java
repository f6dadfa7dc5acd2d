package dev.osprey.core.sample;

import dev.osprey.core.json.Json;
import dev.osprey.core.train.TrainingCode;
import dev.osprey.core.workspace.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebooks of the sample workspace, written as nbformat 4.5 .ipynb files. ml-core cannot use
 * the notebook model (notebook-engine depends on ml-core, not the other way), so the few fields a
 * fresh notebook needs are written here directly; the notebook editor reads them like any other.
 * Each notebook runs headless ({@code osprey run}): its cells open the workspace named by the
 * system property {@value TrainingCode#WORKSPACE_PROPERTY} and close it again within the cell,
 * so the workspace lock is never held between cells.
 */
public final class SampleNotebooks {
    public static final String EXAM_SCORE_REGRESSION = "exam-score-regression.ipynb";
    public static final String EXAM_PASS_CLASSIFICATION = "exam-pass-classification.ipynb";
    public static final String EXAM_SCORE_TUNING = "exam-score-tuning.ipynb";
    /** The dataset the classification notebook derives from the exam scores (pass or fail at 720). */
    public static final String PASS_DATASET = "exam_pass";

    private SampleNotebooks() {
    }

    /** Writes the sample notebooks into {@code notebooksDir}, keeping any file already there. */
    public static void write(Path notebooksDir) throws IOException {
        Files.createDirectories(notebooksDir);
        writeIfMissing(notebooksDir.resolve(EXAM_SCORE_REGRESSION), examScoreRegression());
        writeIfMissing(notebooksDir.resolve(EXAM_PASS_CLASSIFICATION), SampleWalkthroughs.classification());
        writeIfMissing(notebooksDir.resolve(EXAM_SCORE_TUNING), SampleWalkthroughs.tuning());
    }

    private static void writeIfMissing(Path file, String json) throws IOException {
        if (!Files.exists(file)) {
            AtomicFiles.writeString(file, json);
        }
    }

    /** The exam-score notebook: load the dataset, train a linear regression, print its metrics, predict (4, 1, 15). */
    static String examScoreRegression() {
        List<Object> cells = new ArrayList<>();
        cells.add(markdown("exam-intro", """
                # Exam score regression

                The sample workspace holds **exam_scores**: 1,000 candidates for a cloud certification \
                exam, with their years in IT, years on AWS, hours of study and the scaled score \
                (100-1000; 720 passes).

                This notebook trains a *linear regression* through the workspace API, prints its \
                validation metrics and predicts the score of a candidate with 4 years in IT, 1 year on \
                AWS and 15 hours of study: about **890**.

                Each cell that needs the workspace opens it and closes it again, so the studio and \
                `osprey run` can use it between cells."""));
        cells.add(code("exam-dataset", """
                import dev.osprey.core.Engine;
                import dev.osprey.core.job.JobContext;
                import dev.osprey.core.train.TrainingRequest;
                import dev.osprey.core.train.TrainingResult;
                import java.nio.file.Path;

                // The kernel sets osprey.workspace to the workspace folder.
                var workspaceDir = Path.of(System.getProperty("%s"));
                try (var engine = Engine.open(workspaceDir)) {
                    var dataset = engine.datasets().find("%s").orElseThrow();
                    System.out.println(dataset.name() + ": " + dataset.rowCount() + " rows");
                    for (var column : dataset.columns()) {
                        System.out.println("  " + column.name() + " (" + column.role() + ")");
                    }
                }""".formatted(TrainingCode.WORKSPACE_PROPERTY, SampleWorkspace.DATASET)));
        cells.add(markdown("exam-train", "## Train\n\nA linear regression on the three inputs, validated on a 20 % holdout."));
        cells.add(code("exam-fit", """
                TrainingResult result;
                try (var engine = Engine.open(workspaceDir)) {
                    var dataset = engine.datasets().find("%s").orElseThrow();
                    var request = TrainingRequest.of(dataset.id(), "%s", "linear_regression")
                            .withExperiment("exam-score notebook");
                    result = engine.training().train(request, JobContext.NONE);
                }
                result.metrics().forEach((name, value) -> System.out.printf("%%s = %%.3f%%n", name, value));""".formatted(
                SampleWorkspace.DATASET, SampleWorkspace.TARGET)));
        cells.add(markdown("exam-predict", "## Predict\n\n4 years in IT, 1 year on AWS, 15 hours of study:"));
        cells.add(code("exam-score", """
                var prediction = result.model().predict(4, 1, 15);
                System.out.printf("predicted exam score: %.0f%n", prediction.value());
                prediction.value()"""));

        return notebook(cells);
    }

    /** An nbformat 4.5 notebook with the Java kernelspec around {@code cells}. */
    static String notebook(List<Object> cells) {
        Map<String, Object> kernelspec = new LinkedHashMap<>();
        kernelspec.put("display_name", "Java (Osprey)");
        kernelspec.put("language", "java");
        kernelspec.put("name", "osprey-java");
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("file_extension", ".jshell");
        language.put("mimetype", "text/x-java-source");
        language.put("name", "java");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("kernelspec", kernelspec);
        metadata.put("language_info", language);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cells", cells);
        root.put("metadata", metadata);
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return Json.writePretty(root);
    }

    static Map<String, Object> markdown(String id, String source) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", "markdown");
        cell.put("id", id);
        cell.put("metadata", Map.of());
        cell.put("source", lines(source));
        return cell;
    }

    static Map<String, Object> code(String id, String source) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", "code");
        cell.put("execution_count", null);
        cell.put("id", id);
        cell.put("metadata", Map.of());
        cell.put("outputs", List.of());
        cell.put("source", lines(source));
        return cell;
    }

    /** nbformat's multi-line text: a list of lines, each but the last ending in a newline. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
