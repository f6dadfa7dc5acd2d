package dev.osprey.app.cli;

import dev.osprey.core.sample.SampleWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey batch against the sample workspace with a registered exam-score model. */
class BatchCommandTest {
    @TempDir
    Path tmp;
    CliHarness cli;
    String ws;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(tmp.resolve("home"), tmp);
        ws = SampleWorkspace.ensure(tmp.resolve("ws")).toString();
        CliHarness.Result r = run("train", "--data", "exam_scores", "--target", "exam_score", "--algorithm",
                "linear_regression", "--register", "exam-score");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private CliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-w");
        all.add(ws);
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void scoresGoodRowsInOrderAndReportsRejectedOnes() throws IOException {
        Path in = Files.write(tmp.resolve("in.csv"), List.of("years_it_experience,years_aws_experience,hours_of_study",
                "4,1,15", "x,1,15", "2,0,10"));
        Path out = tmp.resolve("out.csv");
        CliHarness.Result r = run("batch", "--model", "exam-score:1", "--input", in.toString(), "--output", out.toString(),
                "--join-input");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Scored 2 rows with exam-score:1 into " + out)
                .contains("Rejected 1 rows; line and reason of each in " + out + ".rejected.csv");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("years_it_experience,years_aws_experience,hours_of_study,prediction");
        assertThat(lines.get(1)).startsWith("4,1,15,");
        assertThat(Double.parseDouble(lines.get(1).split(",")[3])).isBetween(840.0, 940.0);
        assertThat(lines.get(2)).startsWith("2,0,10,");
        assertThat(Files.readAllLines(tmp.resolve("out.csv.rejected.csv")).get(1)).startsWith("3,").contains("'x'");
    }

    @Test
    void badInputFailsWithOneClearLine() throws IOException {
        Path noColumn = Files.write(tmp.resolve("nocol.csv"), List.of("years_it_experience,hours_of_study", "4,15"));
        CliHarness.Result missing = run("batch", "-m", "exam-score:1", "-i", noColumn.toString(), "-o", "o.csv");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("osprey: The input has no column 'years_aws_experience'");
        assertThat(tmp.resolve("o.csv")).doesNotExist();

        assertThat(run("batch", "-m", "exam-score", "-i", noColumn.toString(), "-o", "o.csv").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliHarness.Result version = run("batch", "-m", "exam-score:4", "-i", noColumn.toString(), "-o", "o.csv");
        assertThat(version.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(version.err()).contains("no version 4");
        assertThat(run("batch", "-m", "exam-score:1", "-i", "absent.csv", "-o", "o.csv").err()).contains("There is no file");
    }
}
