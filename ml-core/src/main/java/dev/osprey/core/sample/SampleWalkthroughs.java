package dev.osprey.core.sample;

import dev.osprey.core.train.TrainingCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The sample workspace's classification walk-through and tuning notebook. Like the exam-score
 * notebook, every cell that needs the workspace opens it and closes it again, so the studio
 * (or {@code osprey run}) can hold it between cells.
 */
final class SampleWalkthroughs {
    private SampleWalkthroughs() {
    }

    /** Pass or fail: derive a labelled dataset, look at it, train two classifiers, register the better one. */
    static String classification() {
        List<Object> cells = new ArrayList<>();
        cells.add(SampleNotebooks.markdown("pass-intro", """
                # Will the candidate pass? A classification walk-through

                The exam passes at **720**. This notebook turns **exam_scores** into a labelled dataset \
                (*pass* / *fail*), looks at it, trains a logistic regression and a random forest through \
                the workspace API, compares them on a 20 % holdout and registers the better one in the \
                model registry, where the Models page shows it."""));
        cells.add(SampleNotebooks.code("pass-derive", """
                import dev.osprey.core.Engine;
                import dev.osprey.core.data.*;
                import dev.osprey.core.job.JobContext;
                import dev.osprey.core.train.*;
                import java.sql.DriverManager;

                var workspaceDir = Path.of(System.getProperty("%1$s"));
                Dataset passData;
                try (var engine = Engine.open(workspaceDir)) {
                    var existing = engine.datasets().find("%2$s");
                    if (existing.isPresent()) {
                        passData = existing.get();
                    } else {
                        var scores = engine.datasets().find("%3$s").orElseThrow();
                        Path csv = Files.createTempFile("exam-pass", ".csv");
                        // DuckDB reads the dataset and writes it with the label column
                        try (var db = DriverManager.getConnection("jdbc:duckdb:"); var sql = db.createStatement()) {
                            sql.execute("COPY (SELECT years_it_experience, years_aws_experience, hours_of_study, "
                                    + "CASE WHEN exam_score >= 720 THEN 'pass' ELSE 'fail' END AS result FROM ("
                                    + engine.datasets().selectSql(scores) + ")) TO '" + csv + "' (HEADER)");
                        }
                        passData = engine.datasets().importFile(
                                new ImportRequest(csv, "%2$s", DataFormat.CSV, StorageMode.COPY), JobContext.NONE);
                        Files.deleteIfExists(csv);
                    }
                }
                System.out.println(passData.name() + ": " + passData.rowCount() + " rows, columns "
                        + passData.columns().stream().map(Column::name).toList());""".formatted(
                TrainingCode.WORKSPACE_PROPERTY, SampleNotebooks.PASS_DATASET, SampleWorkspace.DATASET)));
        cells.add(SampleNotebooks.markdown("pass-look", "## Look at the data\n\n"
                + "A cell's value shows as a table when it is a data frame, and as an image when it is a chart."));
        cells.add(SampleNotebooks.code("pass-frame", """
                // The dataset as a Smile DataFrame: DuckDB reads it, Smile reads DuckDB's CSV
                Path view = Files.createTempFile("exam-pass", ".csv");
                try (var engine = Engine.open(workspaceDir);
                     var db = DriverManager.getConnection("jdbc:duckdb:"); var sql = db.createStatement()) {
                    sql.execute("COPY (" + engine.datasets().selectSql(passData) + ") TO '" + view + "' (HEADER)");
                }
                var frame = smile.io.Read.csv(view.toString(), "header=true");
                Files.deleteIfExists(view);
                frame"""));
        cells.add(SampleNotebooks.code("pass-chart", """
                double[] hours = frame.column("hours_of_study").toDoubleArray();
                Chart.histogram(hours, 20).title("Hours of study").xLabel("hours").yLabel("candidates")"""));
        cells.add(SampleNotebooks.markdown("pass-train", "## Train two classifiers\n\n"
                + "Both runs are logged to the experiment *exam-pass notebook*."));
        cells.add(SampleNotebooks.code("pass-fit", """
                var results = new LinkedHashMap<String, TrainingResult>();
                try (var engine = Engine.open(workspaceDir)) {
                    for (var algorithm : List.of("logistic_regression", "random_forest")) {
                        var request = TrainingRequest.of(passData.id(), "result", algorithm)
                                .withExperiment("exam-pass notebook");
                        var result = engine.training().train(request, JobContext.NONE);
                        results.put(algorithm, result);
                        System.out.printf("%-20s accuracy %.3f%n", algorithm, result.metrics().get("accuracy"));
                    }
                }
                var best = results.entrySet().stream()
                        .max(Comparator.comparingDouble(e -> e.getValue().metrics().get("accuracy"))).orElseThrow();
                System.out.println("best: " + best.getKey());"""));
        cells.add(SampleNotebooks.code("pass-register", """
                try (var engine = Engine.open(workspaceDir)) {
                    var version = engine.registry().register(best.getValue().runId(), "exam-pass");
                    System.out.println("registered " + version);
                }
                var candidate = best.getValue().model().predict(4, 1, 15);
                System.out.println("4 years in IT, 1 on AWS, 15 hours of study: " + candidate.label().orElse("?")
                        + " " + candidate.probabilities());"""));
        return SampleNotebooks.notebook(cells);
    }

    /** A small hyperparameter search written as a loop: each configuration is one logged run. */
    static String tuning() {
        List<Object> cells = new ArrayList<>();
        cells.add(SampleNotebooks.markdown("tune-intro", """
                # Tuning a random forest with the workspace API

                A grid of two hyperparameters (`trees`, `max_depth`) for a random forest on \
                **exam_scores**. Every configuration is one training run in the experiment \
                *exam-score tuning*, so the Experiments page compares them; the best one is registered."""));
        var params = SampleNotebooks.code("tune-params", """
                // Parameters (osprey run -p trees=... -p depths=... replaces this cell's values)
                String trees = "20,60";
                String depths = "2,4,8";""");
        params.put("metadata", java.util.Map.of("tags", List.of("parameters"))); // papermill's marker
        cells.add(params);
        cells.add(SampleNotebooks.code("tune-loop", """
                import dev.osprey.core.Engine;
                import dev.osprey.core.job.JobContext;
                import dev.osprey.core.train.*;

                var workspaceDir = Path.of(System.getProperty("%1$s"));
                record Trial(int trees, int depth, double rmse, TrainingResult result) { }
                var trials = new ArrayList<Trial>();
                try (var engine = Engine.open(workspaceDir)) {
                    var dataset = engine.datasets().find("%2$s").orElseThrow();
                    for (var t : trees.split(",")) {
                        for (var d : depths.split(",")) {
                            var request = TrainingRequest.of(dataset.id(), "%3$s", "random_forest")
                                    .withOptions(Map.of("trees", t.strip(), "max_depth", d.strip()))
                                    .withExperiment("exam-score tuning");
                            var result = engine.training().train(request, JobContext.NONE);
                            var trial = new Trial(Integer.parseInt(t.strip()), Integer.parseInt(d.strip()),
                                    result.metrics().get("rmse"), result);
                            trials.add(trial);
                            System.out.printf("trees %%3d  max_depth %%2d  rmse %%.2f%%n", trial.trees(), trial.depth(), trial.rmse());
                        }
                    }
                }""".formatted(TrainingCode.WORKSPACE_PROPERTY, SampleWorkspace.DATASET, SampleWorkspace.TARGET)));
        cells.add(SampleNotebooks.code("tune-chart", """
                String[] names = trials.stream().map(t -> t.trees() + "/" + t.depth()).toArray(String[]::new);
                double[] rmse = trials.stream().mapToDouble(Trial::rmse).toArray();
                Chart.bar(names, rmse).title("Validation RMSE by trees / max_depth").yLabel("rmse")"""));
        cells.add(SampleNotebooks.code("tune-best", """
                var best = trials.stream().min(Comparator.comparingDouble(Trial::rmse)).orElseThrow();
                try (var engine = Engine.open(workspaceDir)) {
                    var version = engine.registry().register(best.result().runId(), "exam-score-tuned");
                    System.out.printf("best: trees %d, max_depth %d, rmse %.2f -> registered %s%n",
                            best.trees(), best.depth(), best.rmse(), version);
                }"""));
        return SampleNotebooks.notebook(cells);
    }
}
