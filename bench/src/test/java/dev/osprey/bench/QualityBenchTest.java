package dev.osprey.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A small run end to end: both lines print, both sides count the same rows, the quick model learns nothing from noise. */
class QualityBenchTest {
    private static final Pattern LINE = Pattern.compile("^quality-report (full report|without quick model)\\s+size ([\\d,]+) x 10"
            + "  ours [\\d.]+ s  peer duckdb SUMMARIZE [\\d.]+ s  ratio\\(peer/ours\\) [\\d.]+  goal < 10 s (met|MISSED)"
            + "  rows ours ([\\d,]+) / peer ([\\d,]+)  warnings \\d+/\\d+/\\d+  quick-model AUC (\\S+)(?: \\(trained on [\\d,]+ rows, [\\d,]+ held out\\))?$");

    @TempDir
    Path tmp;

    @Test
    void smallRunPrintsBothLinesWithMatchingRowCounts() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new QualityBench(tmp, 5_000, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).hasSize(2);
        for (String l : lines) {
            Matcher m = LINE.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            assertThat(m.group(4)).isEqualTo(m.group(5));
            assertThat(Long.parseLong(m.group(4).replace(",", ""))).isBetween(5_000L, 5_100L);
        }
        Matcher full = LINE.matcher(lines.getFirst());
        assertThat(full.matches()).isTrue();
        assertThat(Double.parseDouble(full.group(6))).isBetween(0.4, 0.6);
    }
}
