package dev.osprey.app.cli;

import dev.osprey.core.data.ImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReporterTest {
    @Test
    void multiLineEngineMessagesBecomeOneLine() {
        assertThat(ErrorReporter.oneLine("Conversion Error: bad value\n  Line: 5\r\n\tColumn: x\n"))
                .isEqualTo("Conversion Error: bad value Line: 5 Column: x");
        assertThat(ErrorReporter.oneLine("x".repeat(2000))).hasSize(600).endsWith("...");
    }

    @Test
    void theLineIsAddedOnlyWhenTheMessageLacksIt() {
        assertThat(ErrorReporter.withLine(new ImportException("Row has 4 fields, expected 2", 4, null)))
                .isEqualTo("Row has 4 fields, expected 2 (line 4)");
        assertThat(ErrorReporter.withLine(new ImportException("Line 4: 4 fields, expected 2", 4, null)))
                .isEqualTo("Line 4: 4 fields, expected 2");
        assertThat(ErrorReporter.withLine(new ImportException("Not a CSV file"))).isEqualTo("Not a CSV file");
    }
}
