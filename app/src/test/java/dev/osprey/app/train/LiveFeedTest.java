package dev.osprey.app.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The coalescing between the training thread and the UI, driven by hand. */
class LiveFeedTest {
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<List<CurvePoint>> delivered = new ArrayList<>();
    private final LiveFeed feed = new LiveFeed(Runnable::run, scheduled::add, delivered::add);

    private static CurvePoint point(int i) {
        return new CurvePoint(1, i, "rmse", 10.0 / i, 12.0 / i);
    }

    @Test
    void aThousandPointsBeforeAFlushReachTheUiAsOneBatch() {
        for (int i = 1; i <= 1000; i++) {
            feed.point(point(i));
        }
        assertThat(scheduled).as("one flush asked for, not one per point").hasSize(1);
        assertThat(delivered).isEmpty();

        scheduled.removeFirst().run();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.getFirst()).hasSize(1000).startsWith(point(1)).endsWith(point(1000));
    }

    @Test
    void pointsAfterAFlushScheduleTheNextOne() {
        feed.point(point(1));
        scheduled.removeFirst().run();
        feed.point(point(2));
        feed.changed();
        assertThat(scheduled).hasSize(1);
        scheduled.removeFirst().run();
        assertThat(delivered).containsExactly(List.of(point(1)), List.of(point(2)));
    }

    @Test
    void drainNowDeliversWhatIsLeftAtTheEnd() {
        feed.point(point(1));
        feed.drainNow();
        assertThat(delivered).containsExactly(List.of(point(1)));
        scheduled.removeFirst().run(); // the pending flush finds nothing new
        assertThat(delivered.getLast()).isEmpty();
    }
}
