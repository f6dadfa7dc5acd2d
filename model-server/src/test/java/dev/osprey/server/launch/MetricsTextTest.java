package dev.osprey.server.launch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reading the server's Prometheus text back into ServerStats. */
class MetricsTextTest {
    @Test
    void sumsModelsAndInterpolatesPercentilesInsideBuckets() {
        String text = """
                # TYPE osprey_requests_total counter
                osprey_requests_total{model="a"} 90
                osprey_requests_total{model="b \\"quoted\\""} 10
                osprey_request_errors_total{model="a"} 3
                osprey_request_errors_total{model="b \\"quoted\\""} 1
                osprey_request_duration_seconds_bucket{model="a",le="0.001"} 50
                osprey_request_duration_seconds_bucket{model="a",le="0.002"} 90
                osprey_request_duration_seconds_bucket{model="a",le="+Inf"} 90
                osprey_request_duration_seconds_bucket{model="b \\"quoted\\"",le="0.001"} 0
                osprey_request_duration_seconds_bucket{model="b \\"quoted\\"",le="0.002"} 9
                osprey_request_duration_seconds_bucket{model="b \\"quoted\\"",le="+Inf"} 10
                """;
        ServerStats s = MetricsText.stats(text);
        assertThat(s.requests()).isEqualTo(100);
        assertThat(s.errors()).isEqualTo(4);
        assertThat(s.requestsPerModel()).containsEntry("a", 90L).containsEntry("b \"quoted\"", 10L);
        assertThat(s.p50Millis()).isCloseTo(1.0, within(1e-9));
        assertThat(s.p99Millis()).as("beyond the last finite bound").isCloseTo(2.0, within(1e-9));
    }

    @Test
    void noRequestsMeansZeroes() {
        ServerStats s = MetricsText.stats("# nothing yet\n");
        assertThat(s.requests()).isZero();
        assertThat(s.p99Millis()).isZero();
    }
}
