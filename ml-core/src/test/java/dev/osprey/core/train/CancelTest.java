package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobService;
import dev.osprey.core.job.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CancelTest {
    @TempDir
    Path tmp;

    @Test
    void cancellingXGBoostStopsBetweenRoundsAndTheRunIsRecordedCancelled() throws Exception {
        try (Engine engine = Engine.create(tmp.resolve("ws")); JobService jobs = new JobService(1)) {
            Dataset d = TrainFixture.importCsv(engine, tmp, "reg", TrainFixture.regression(400, 9), Map.of());
            CountDownLatch started = new CountDownLatch(5);
            AtomicInteger lastRound = new AtomicInteger();
            AtomicReference<dev.osprey.core.experiment.RunId> run = new AtomicReference<>();
            TrainingRequest request = TrainingRequest.of(d.id(), "y", "xgboost").withOptions(Map.of("rounds", "5000", "eta", "0.001"));
            Job<TrainingResult> job = jobs.submit("train", ctx -> engine.training().train(request, ctx, e -> {
                if (e instanceof TrainingEvent.IterationMetric m) {
                    lastRound.set(m.iteration());
                    started.countDown();
                }
            }));
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            job.cancel();
            assertThatThrownBy(() -> job.result().get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
            assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
            int stoppedAt = lastRound.get();
            assertThat(stoppedAt).isLessThan(5000);

            Run recorded = engine.experiments().runs(engine.experiments().ensureExperiment("reg / y").id()).getFirst();
            assertThat(recorded.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(recorded.endedAt()).isPresent();
            assertThat(recorded.artifacts()).isEmpty();
            // the rounds before the cancel are kept with the run
            assertThat(engine.experiments().history(recorded.id(), "valid_rmse")).hasSizeGreaterThanOrEqualTo(5);
        }
    }
}
