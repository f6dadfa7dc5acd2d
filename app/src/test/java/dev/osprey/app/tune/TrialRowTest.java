package dev.osprey.app.tune;

import dev.osprey.core.tune.Trial;
import dev.osprey.core.tune.TrialState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The trials table's state text for a Hyperband trial waiting at a rung. */
class TrialRowTest {
    @Test
    void aRunningTrialThatWaitsAtARungReadsPausedAndGoesBackToRunning() {
        TrialRow row = TrialRow.running(3, Map.of("eta", "0.1"));
        assertThat(row.stateText()).isEqualTo("running");
        TrialRow paused = row.pausedAt(13);
        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.stateText()).isEqualTo("paused at 13");
        assertThat(paused.pausedAt(0).stateText()).isEqualTo("running");
    }

    @Test
    void aFinishedTrialIsNeverShownPaused() {
        TrialRow done = TrialRow.of(new Trial(2, Map.of(), TrialState.PRUNED, OptionalDouble.of(0.4), Optional.empty(), 13,
                Duration.ofMillis(40), "stopped early at step 13"));
        assertThat(done.pausedAt(13).isPaused()).isFalse();
        assertThat(done.stateText()).isEqualTo("pruned");
    }
}
