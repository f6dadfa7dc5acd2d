package dev.osprey.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvGeneratorTest {
    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesAndTheSizeIsReached() throws Exception {
        CsvGenerator.Generated a = CsvGenerator.write(tmp.resolve("a.csv"), 200_000, 7);
        CsvGenerator.Generated b = CsvGenerator.write(tmp.resolve("b.csv"), 200_000, 7);
        CsvGenerator.Generated c = CsvGenerator.write(tmp.resolve("c.csv"), 200_000, 8);
        assertThat(Files.mismatch(a.file(), b.file())).isEqualTo(-1L);
        assertThat(Files.mismatch(a.file(), c.file())).isNotEqualTo(-1L);
        assertThat(a.bytes()).isBetween(200_000L, 201_000L);
        List<String> lines = Files.readAllLines(a.file());
        assertThat(lines).hasSize((int) a.rows() + 1);
        assertThat(lines.get(0)).isEqualTo(CsvGenerator.HEADER);
    }

    @Test
    void rowsHaveTheHeadersFieldCountOutsideQuotes() throws Exception {
        CsvGenerator.Generated g = CsvGenerator.write(tmp.resolve("g.csv"), 100_000, 1);
        int columns = CsvGenerator.HEADER.split(",").length;
        boolean sawQuoted = false;
        for (String line : Files.readAllLines(g.file()).subList(1, (int) g.rows() + 1)) {
            sawQuoted |= line.contains("\"");
            assertThat(fieldsOutsideQuotes(line)).as(line).isEqualTo(columns);
        }
        assertThat(sawQuoted).isTrue();
    }

    @Test
    void fixedPointFormattingMatchesStringFormat() {
        for (double v : new double[] {0, 1.5, -0.00001, -2.345678, 12345.678901, 0.99999}) {
            assertThat(CsvGenerator.fixed(new StringBuilder(), v, 4).toString())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", v).replace("-0.0000", "0.0000"));
        }
    }

    private static int fieldsOutsideQuotes(String line) {
        int fields = 1;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields++;
            }
        }
        return fields;
    }
}
