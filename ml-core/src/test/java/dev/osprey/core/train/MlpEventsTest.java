package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MLP reports train and validation loss after every epoch, and a cancel stops it between epochs. */
class MlpEventsTest {
    @TempDir
    Path tmp;

    @Test
    void everyEpochIsReportedAndRecordedAndACancelStopsBetweenEpochs() throws Exception {
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            Dataset d = TrainFixture.importCsv(engine, tmp, "multi", TrainFixture.multiclass(150, 4), Map.of());
            List<TrainingEvent.IterationMetric> epochs = new ArrayList<>();
            TrainingResult r = engine.training().train(TrainingRequest.of(d.id(), "species", "mlp")
                    .withOptions(Map.of("epochs", "6", "hidden_units", "8")), JobContext.NONE, e -> {
                if (e instanceof TrainingEvent.IterationMetric m) {
                    epochs.add(m);
                }
            });
            assertThat(epochs).extracting(TrainingEvent.IterationMetric::iteration).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(epochs).allSatisfy(m -> {
                assertThat(m.metric()).isEqualTo("logloss");
                assertThat(m.trainValue()).isPositive();
                assertThat(m.validValue()).isPositive();
            });
            assertThat(engine.experiments().history(r.runId(), "valid_logloss")).hasSize(6);

            AtomicBoolean cancelled = new AtomicBoolean();
            JobContext job = new JobContext() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public void log(String line) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }

                @Override
                public void onCancel(Runnable hook) {
                }
            };
            List<Integer> seen = new ArrayList<>();
            assertThatThrownBy(() -> engine.training().train(TrainingRequest.of(d.id(), "species", "mlp")
                    .withOptions(Map.of("epochs", "1000", "hidden_units", "8")), job, e -> {
                if (e instanceof TrainingEvent.IterationMetric m) {
                    seen.add(m.iteration());
                    cancelled.set(m.iteration() == 2);
                }
            })).isInstanceOf(JobCancelledException.class);
            assertThat(seen).containsExactly(1, 2);
            Run last = engine.experiments().runs(engine.experiments().ensureExperiment("multi / species").id()).getFirst();
            assertThat(last.status()).isEqualTo(RunStatus.CANCELLED);
        }
    }
}
