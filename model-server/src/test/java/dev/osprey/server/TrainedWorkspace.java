package dev.osprey.server;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import dev.osprey.server.launch.ServedModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A real workspace with registered models, trained through the Engine as a user would: the
 * exam-score sample twice (v1 linear regression, v2 XGBoost) and a small yes/no classifier
 * "passes" with a numeric and a category input. The engine stays open while servers run, as the
 * studio does: the server must not need the catalog.
 */
final class TrainedWorkspace implements AutoCloseable {
    final Path root;
    final Engine engine;
    final ServedModel examV1;
    final ServedModel examV2;
    final ServedModel passes;

    TrainedWorkspace(Path dir) throws Exception {
        root = SampleWorkspace.ensure(dir.resolve("ws"));
        engine = Engine.open(root);
        Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
        TrainingResult ols = engine.training().train(TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "linear_regression"),
                JobContext.NONE);
        TrainingResult xgb = engine.training().train(TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "xgboost")
                .withOptions(Map.of("rounds", "50", "max_depth", "3")), JobContext.NONE);
        examV1 = served(engine.registry().register(ols.runId(), "exam-score"));
        examV2 = served(engine.registry().register(xgb.runId(), "exam-score"));
        Path csv = Files.writeString(dir.resolve("passes.csv"), passesCsv());
        Dataset d = engine.datasets().importFile(ImportRequest.of(csv), null);
        TrainingResult logit = engine.training().train(TrainingRequest.of(d.id(), "passed", "logistic_regression"), JobContext.NONE);
        passes = served(engine.registry().register(logit.runId(), "passes"));
    }

    private ServedModel served(ModelVersion v) {
        return ServedModel.of(engine.registry(), v);
    }

    /** passed = pass when 2 * hours + effect(course) + noise > 10. */
    private static String passesCsv() {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder("hours,course,passed\n");
        String[] courses = {"math", "art", "law"};
        int[] effect = {-2, 2, 0};
        for (int i = 0; i < 400; i++) {
            double hours = 10 * r.nextDouble();
            int c = r.nextInt(3);
            boolean pass = 2 * hours + effect[c] + r.nextGaussian() > 10;
            sb.append(String.format(Locale.ROOT, "%.2f", hours)).append(',').append(courses[c]).append(',')
                    .append(pass ? "pass" : "fail").append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        engine.close();
    }
}
