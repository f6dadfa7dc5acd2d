package dev.osprey.app.cli;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRefTest {
    @Test
    void parsesNameVersionAndAlias() {
        assertThat(ModelRef.parse("churn")).isEqualTo(new ModelRef("churn", Optional.empty(), Optional.empty()));
        assertThat(ModelRef.parse("churn:3")).isEqualTo(new ModelRef("churn", Optional.of(3), Optional.empty()));
        assertThat(ModelRef.parse("exam-score.v2@champion"))
                .isEqualTo(new ModelRef("exam-score.v2", Optional.empty(), Optional.of("champion")));
        assertThat(ModelRef.parse("churn:3").toString()).isEqualTo("churn:3");
    }

    @Test
    void refusesMalformedReferencesWithAHint() {
        assertThatThrownBy(() -> ModelRef.parse("churn:latest")).hasMessageContaining("NAME@ALIAS");
        assertThatThrownBy(() -> ModelRef.parse("churn:0")).hasMessageContaining("from 1");
        assertThatThrownBy(() -> ModelRef.parse("churn:1@x")).hasMessageContaining("both");
        assertThatThrownBy(() -> ModelRef.parse("churn@")).hasMessageContaining("no alias");
        assertThatThrownBy(() -> ModelRef.parse(":3")).hasMessageContaining("no model");
        assertThatThrownBy(() -> ModelRef.parseExact("churn@champion")).hasMessageContaining("churn:1");
    }
}
