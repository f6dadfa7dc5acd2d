package dev.osprey.core.deploy;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobEvent;
import dev.osprey.core.job.JobService;
import dev.osprey.core.job.JobStatus;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batch transform of the exam-score model over real files: order, counts, rejects, cancel, bad input. */
class BatchTransformTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static TrainedModel model;
    static BatchTransform batch;

    @BeforeAll
    static void registerTheSample() throws Exception {
        engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("ws")));
        Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
        TrainingResult r = engine.training().train(TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "linear_regression"),
                JobContext.NONE);
        engine.registry().register(r.runId(), "exam-score");
        model = engine.registry().load("exam-score", 1);
        batch = new BatchTransform(engine.registry(), 2);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void goodRowsAreScoredInOrderAndBadRowsGoToTheSideFileWithTheirLine() throws Exception {
        Path in = Files.writeString(tmp.resolve("mixed.csv"), """
                id,years_it_experience,years_aws_experience,hours_of_study
                a,4,1,15
                b,abc,1,15
                c,2,0,10
                d,NaN,1,15
                e,1,2
                f,6,3,30
                g,4,,15
                """);
        Path out = tmp.resolve("mixed-out.csv");
        BatchSummary s = batch.run(new BatchRequest("exam-score", 1, in, out, true), JobContext.NONE);

        assertThat(s.rowsScored()).isEqualTo(4);
        assertThat(s.rowsRejected()).isEqualTo(3);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("id,years_it_experience,years_aws_experience,hours_of_study,prediction");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(",")[0]).containsExactly("a", "c", "f", "g");
        assertThat(Double.parseDouble(lines.get(1).split(",")[4])).isEqualTo(model.predict(4, 1, 15).value())
                .isBetween(840.0, 940.0);
        assertThat(Double.parseDouble(lines.get(3).split(",")[4])).isEqualTo(model.predict(6, 3, 30).value());

        List<String> rejected = Files.readAllLines(s.rejectedFile().orElseThrow());
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(0)).isEqualTo("line,reason");
        assertThat(rejected.get(1)).startsWith("3,").contains("years_it_experience", "abc");
        assertThat(rejected.get(2)).startsWith("5,").contains("NaN");
        assertThat(rejected.get(3)).startsWith("6,");
    }

    @Test
    void manyChunksKeepTheirOrderAndJsonLinesOutputWorks() throws Exception {
        Path in = tmp.resolve("many.csv");
        int n = BatchTransform.CHUNK_ROWS * 5 + 17;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("hours_of_study,years_aws_experience,years_it_experience\n");
            for (int i = 0; i < n; i++) {
                w.write((i % 40) + "," + (i % 3 == 0 ? "bad" : Integer.toString(i % 5)) + "," + (i % 7) + "\n");
            }
        }
        Path out = tmp.resolve("many.jsonl");
        BatchSummary s = batch.run(new BatchRequest("exam-score", 1, in, out, false), JobContext.NONE);
        long bad = (n + 2) / 3;
        assertThat(s.rowsRejected()).isEqualTo(bad);
        assertThat(s.rowsScored()).isEqualTo(n - bad);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(n - (int) bad);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                continue;
            }
            double expected = model.predict(i % 7, i % 5, i % 40).value();
            assertThat(lines.get(k++)).isEqualTo("{\"prediction\":" + expected + "}");
        }
        List<String> rejected = Files.readAllLines(s.rejectedFile().orElseThrow());
        assertThat(rejected.get(1)).startsWith("2,");
        assertThat(rejected.getLast()).startsWith((2 + 3 * (bad - 1)) + ",");
    }

    @Test
    void aMissingColumnIsNamedAndNothingIsWritten() throws Exception {
        Path in = Files.writeString(tmp.resolve("missing.csv"), "years_it_experience,hours_of_study\n4,15\n");
        Path out = tmp.resolve("missing-out.csv");
        assertThatThrownBy(() -> batch.run(new BatchRequest("exam-score", 1, in, out, false), JobContext.NONE))
                .isInstanceOf(BatchException.class)
                .hasMessageContaining("no column 'years_aws_experience'");
        assertThat(out).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith(".osprey-tmp-"));
        }
    }

    @Test
    void unknownModelAndMissingFileSayWhat() {
        Path out = tmp.resolve("x.csv");
        assertThatThrownBy(() -> batch.run(new BatchRequest("exam-score", 9, tmp.resolve("mixed.csv"), out, false), JobContext.NONE))
                .isInstanceOf(BatchException.class).hasMessageContaining("no version 9");
        assertThatThrownBy(() -> batch.run(new BatchRequest("exam-score", 1, tmp.resolve("nope.csv"), out, false), JobContext.NONE))
                .isInstanceOf(BatchException.class).hasMessageContaining("There is no file");
    }

    @Test
    void parquetInputIsRead() throws Exception {
        Path csv = Files.writeString(tmp.resolve("p.csv"), "years_it_experience,years_aws_experience,hours_of_study\n4,1,15\n2,0,10\n");
        Path parquet = tmp.resolve("p.parquet");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
        }
        Path out = tmp.resolve("p-out.csv");
        BatchSummary s = batch.run(new BatchRequest("exam-score", 1, parquet, out, false), JobContext.NONE);
        assertThat(s.rowsScored()).isEqualTo(2);
        assertThat(Files.readAllLines(out)).containsExactly("prediction",
                Double.toString(model.predict(4, 1, 15).value()), Double.toString(model.predict(2, 0, 10).value()));
    }

    @Test
    void cancelStopsTheJobAndLeavesNoOutput() throws Exception {
        Path in = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("years_it_experience,years_aws_experience,hours_of_study\n");
            for (int i = 0; i < 400_000; i++) {
                w.write((i % 7) + "," + (i % 5) + "," + (i % 40) + "\n");
            }
        }
        Path out = tmp.resolve("big-out.csv");
        try (JobService jobs = new JobService(1)) {
            CountDownLatch progressed = new CountDownLatch(1);
            Job<BatchSummary> job = batch.submit(jobs, new BatchRequest("exam-score", 1, in, out, false));
            job.subscribe(e -> {
                if (e instanceof JobEvent.Progress p && p.fraction() > 0) {
                    progressed.countDown();
                }
            });
            assertThat(progressed.await(60, TimeUnit.SECONDS)).isTrue();
            job.cancel();
            assertThatThrownBy(job::await).isInstanceOf(CancellationException.class);
            assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        }
        assertThat(out).doesNotExist();
    }
}
