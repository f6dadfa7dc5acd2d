package dev.osprey.app.experiments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunRowTest {
    @Test
    void durationsReadShort() {
        assertThat(RunRow.duration(java.time.Duration.ofMillis(420))).isEqualTo("0.42 s");
        assertThat(RunRow.duration(java.time.Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
        assertThat(RunRow.duration(java.time.Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
    }
}
