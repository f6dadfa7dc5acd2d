package dev.osprey.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick mode end to end: every case prints its line, and both sides learn something (AUC well above 0.5). */
class TrainingBenchTest {
    private static final Pattern LINE = Pattern.compile("^(boosted-trees|random-forest)\\s+size ([\\d,]+) x 20  ours "
            + "[\\d.]+ s  peer (.+) [\\d.]+ s  ratio\\(peer/ours\\) [\\d.]+  AUC ours (0\\.\\d{4}) / peer (0\\.\\d{4})$");

    @TempDir
    Path tmp;

    @Test
    void quickRunPrintsOneLinePerCaseWithQuality() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TrainingBench(tmp, TrainingBench.Sizes.QUICK, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).hasSize(6);
        List<String> peers = lines.stream().map(l -> {
            Matcher m = LINE.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            assertThat(Double.parseDouble(m.group(4))).as("ours: " + l).isGreaterThan(0.7);
            assertThat(Double.parseDouble(m.group(5))).as("peer: " + l).isGreaterThan(0.7);
            return m.group(3);
        }).toList();
        assertThat(peers).containsExactly("xgboost4j direct (hist) train only", "xgboost4j direct (hist) load + train",
                "smile GradientTreeBoost train only", "smile GradientTreeBoost load + train",
                "smile RandomForest direct train only", "smile RandomForest direct load + train");
        try (var left = Files.list(tmp)) {
            assertThat(left).as("generated files and workspaces are removed").isEmpty();
        }
    }

    @Test
    void generatedDataIsReproducibleAndBalancedEnough() {
        TrainingData a = TrainingData.generate(5_000, 20, 1);
        TrainingData b = TrainingData.generate(5_000, 20, 1);
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.y()).isEqualTo(b.y());
        double positives = java.util.Arrays.stream(a.y()).average().orElseThrow();
        assertThat(positives).isBetween(0.3, 0.7);
        assertThat(TrainingData.generate(5_000, 20, 2).y()).isNotEqualTo(a.y());
    }
}
