package dev.osprey.core.experiment;

import dev.osprey.core.Engine;
import dev.osprey.core.train.TrainingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run left RUNNING by a process that died is FAILED when the workspace is next opened. */
class AbandonedRunTest {
    @TempDir
    Path tmp;

    @Test
    void aRunLeftRunningIsMarkedFailedOnTheNextOpen() throws Exception {
        RunId left;
        RunId done;
        try (Engine engine = Engine.create(tmp.resolve("ws"))) {
            ExperimentId exp = engine.experiments().ensureExperiment("crash").id();
            done = engine.experiments().startRun(exp, "finished", Map.of(), Map.of());
            engine.experiments().finish(done, RunStatus.FINISHED, null);
            // as a killed process leaves it: started, never finished
            left = engine.experiments().startRun(exp, "killed", Map.of("algorithm", "xgboost"), Map.of());
            assertThat(engine.experiments().get(left).status()).isEqualTo(RunStatus.RUNNING);
        }
        try (Engine engine = Engine.open(tmp.resolve("ws"))) {
            Run run = engine.experiments().get(left);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.message()).contains(TrainingService.ABANDONED_MESSAGE);
            assertThat(run.endedAt()).isPresent();
            assertThat(engine.experiments().get(done).status()).isEqualTo(RunStatus.FINISHED);
        }
    }
}
