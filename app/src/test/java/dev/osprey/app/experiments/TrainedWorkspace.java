package dev.osprey.app.experiments;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainingRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real workspace with real runs for the Experiments and Models tests: the exam-score sample,
 * two XGBoost runs that differ in depth (so their curves differ), a linear regression registered
 * as "exam-score", and optionally a small classification dataset.
 */
public final class TrainedWorkspace {
    public static final String MODEL = "exam-score";

    public final Path root;
    public RunId shallow;
    public RunId deep;
    public RunId linear;

    private TrainedWorkspace(Path root) {
        this.root = root;
    }

    /** Creates the sample in {@code dir} and trains three runs; registers the linear one. The engine is closed again. */
    public static TrainedWorkspace create(Path dir) throws Exception {
        TrainedWorkspace w = new TrainedWorkspace(SampleWorkspace.ensure(dir));
        try (Engine engine = Engine.open(w.root)) {
            DatasetId exam = dataset(engine, SampleWorkspace.DATASET);
            w.shallow = engine.training().train(TrainingRequest.of(exam, SampleWorkspace.TARGET, "xgboost")
                    .withOptions(Map.of("rounds", "25", "max_depth", "2")), JobContext.NONE).runId();
            w.deep = engine.training().train(TrainingRequest.of(exam, SampleWorkspace.TARGET, "xgboost")
                    .withOptions(Map.of("rounds", "25", "max_depth", "5")), JobContext.NONE).runId();
            w.linear = engine.training().train(TrainingRequest.of(exam, SampleWorkspace.TARGET, "linear_regression"),
                    JobContext.NONE).runId();
            engine.registry().register(w.linear, MODEL);
        }
        return w;
    }

    public static DatasetId dataset(Engine engine, String name) throws Exception {
        return engine.datasets().list().stream().filter(d -> d.name().equals(name)).map(Dataset::id).findFirst()
                .orElseThrow();
    }

    /** Imports a small churn table (a category input, a left/stayed target) and registers a random forest as "churn". */
    public static RunId addChurnModel(Engine engine, Path tmp) throws Exception {
        StringBuilder csv = new StringBuilder("tenure,plan,churned\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < 120; i++) {
            int tenure = i % 40;
            String plan = plans[i % 3];
            boolean churned = tenure < 12 && !plan.equals("pro") || i % 17 == 0;
            csv.append(tenure).append(',').append(plan).append(',').append(churned ? "left" : "stayed").append('\n');
        }
        Path file = tmp.resolve("churn.csv");
        Files.writeString(file, csv);
        Dataset d = engine.datasets().importFile(ImportRequest.of(file), JobContext.NONE);
        RunId run = engine.training().train(TrainingRequest.of(d.id(), "churned", "random_forest")
                .withOptions(Map.of("trees", "30")), JobContext.NONE).runId();
        engine.registry().register(run, "churn");
        return run;
    }
}
