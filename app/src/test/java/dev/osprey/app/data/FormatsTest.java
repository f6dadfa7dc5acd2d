package dev.osprey.app.data;

import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    @Test
    void sizesUseTheLargestUnitBelow1024() {
        assertThat(Formats.size(0)).isEqualTo("0 B");
        assertThat(Formats.size(1023)).isEqualTo("1023 B");
        assertThat(Formats.size(1536)).isEqualTo("1.5 KB");
        assertThat(Formats.size(300L * 1024 * 1024)).isEqualTo("300 MB");
        assertThat(Formats.size(-1)).isEqualTo("unknown");
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(Formats.count(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void enumsReadAsWords() {
        assertThat(Formats.type(ColumnType.DECIMAL)).isEqualTo("Decimal");
        assertThat(Formats.role(ColumnRole.TARGET)).isEqualTo("Target");
    }
}
