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
        BatchTransform smallBlocks = new BatchTransform(engine.registry(), 2, 16 * 1024);
        try (JobService jobs = new JobService(1)) {
            CountDownLatch progressed = new CountDownLatch(1);
            Job<BatchSummary> job = smallBlocks.submit(jobs, new BatchRequest("exam-score", 1, in, out, false));
            // Events arrive on the job's thread: cancelling from the first progress event stops it mid-file, whatever the speed.
            job.subscribe(e -> {
                if (e instanceof JobEvent.Progress p && p.fraction() > 0 && progressed.getCount() > 0) {
                    progressed.countDown();
                    job.cancel();
                }
            });
            assertThat(progressed.await(60, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(job::await).isInstanceOf(CancellationException.class);
            assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        }
        assertThat(out).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no partial output left behind")
                    .noneMatch(f -> f.startsWith(".osprey-tmp-"));
        }
    }

    @Test
    void twoThreadsOnSmallBlocksKeepOrderLinesReasonsAndDoubleToStringText() throws Exception {
        java.util.Random r = new java.util.Random(41);
        StringBuilder text = new StringBuilder("id,years_it_experience,years_aws_experience,hours_of_study\r\n");
        List<double[]> good = new java.util.ArrayList<>();
        List<String> expectedRejects = new java.util.ArrayList<>();
        long line = 2;
        for (int i = 0; i < 20_000; i++) {
            String eol = i % 3 == 0 ? "\r\n" : "\n";
            int kind = r.nextInt(50);
            if (kind == 0) {
                text.append(eol); // blank: no row
                line++;
                continue;
            }
            String id = kind == 1 ? "\"two\nlines, " + i + "\"" : "r" + i;
            double it = r.nextInt(16);
            double aws = Math.round(r.nextDouble() * 800) / 100.0;
            double hours = r.nextDouble() * 60;
            if (kind == 2) {
                text.append(id).append(",x,1,2").append(eol);
                expectedRejects.add(line + ",\"The column 'years_it_experience' expects a number, not 'x'\"");
            } else if (kind == 3) {
                text.append(id).append(",1,2").append(eol);
                expectedRejects.add(line + ",Expected 4 fields (the header's columns) but found 3.");
            } else {
                text.append(id).append(',').append((int) it).append(',').append(aws).append(',').append(hours).append(eol);
                good.add(new double[] {it, aws, hours});
            }
            line += kind == 1 ? 2 : 1;
        }
        Path in = Files.writeString(tmp.resolve("two-threads.csv"), text);
        Path out = tmp.resolve("two-threads-out.csv");
        BatchSummary s = new BatchTransform(engine.registry(), 2, 1024).run(new BatchRequest("exam-score", 1, in, out, false),
                JobContext.NONE);

        assertThat(s.rowsScored()).isEqualTo(good.size());
        assertThat(s.rowsRejected()).isEqualTo(expectedRejects.size());
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(good.size() + 1);
        for (int i = 0; i < good.size(); i++) {
            double[] x = good.get(i);
            assertThat(lines.get(i + 1)).isEqualTo(Double.toString(model.predict(x[0], x[1], x[2]).value()));
        }
        List<String> rejected = Files.readAllLines(s.rejectedFile().orElseThrow());
        assertThat(rejected).hasSize(expectedRejects.size() + 1);
        for (int i = 0; i < expectedRejects.size(); i++) {
            assertThat(rejected.get(i + 1)).isEqualTo(expectedRejects.get(i));
        }
    }

    @Test
    void quotedFieldsLineBreaksInQuotesCrlfAndBlankLinesKeepLinesAndJoinedText() throws Exception {
        Path in = Files.writeString(tmp.resolve("quoted.csv"), "\uFEFFnote,years_it_experience,years_aws_experience,hours_of_study\r\n"
                + "\"two\r\nlines, and a comma\",4,1,15\r\n"
                + "\r\n"
                + "\"say \"\"hi\"\"\",\"2\",0,10\r\n"
                + "plain,x,0,10\r\n"
                + "ünï,6,3,\r\n"
                + "last,1,2,3");
        Path out = tmp.resolve("quoted-out.csv");
        BatchSummary s = batch.run(new BatchRequest("exam-score", 1, in, out, true), JobContext.NONE);

        assertThat(s.rowsScored()).isEqualTo(4);
        List<String> lines = Files.readAllLines(out);
        double median = model.signature().inputs().get(2).median();
        assertThat(lines.get(0)).isEqualTo("note,years_it_experience,years_aws_experience,hours_of_study,prediction");
        assertThat(lines.get(1)).isEqualTo("\"two");
        assertThat(lines.get(2)).isEqualTo("lines, and a comma\",4,1,15," + model.predict(4, 1, 15).value());
        assertThat(lines.get(3)).isEqualTo("\"say \"\"hi\"\"\",2,0,10," + model.predict(2, 0, 10).value());
        assertThat(lines.get(4)).isEqualTo("ünï,6,3,," + model.predict(6, 3, median).value());
        assertThat(lines.get(5)).isEqualTo("last,1,2,3," + model.predict(1, 2, 3).value());
        List<String> rejected = Files.readAllLines(s.rejectedFile().orElseThrow());
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(1)).as("file line 6: the quoted line break and the blank line count").startsWith("6,")
                .contains("years_it_experience", "'x'");
    }

    @Test
    void semicolonAndTabFilesAreReadAndWrongFieldCountsAreRejectedWithTheirLine() throws Exception {
        Path semi = Files.writeString(tmp.resolve("semi.csv"),
                "hours_of_study;years_aws_experience;years_it_experience\n15;1;4\n10;0\n30;3;6;9\n-2.5;+1;1e1\n");
        Path out = tmp.resolve("semi-out.csv");
        BatchSummary s = batch.run(new BatchRequest("exam-score", 1, semi, out, false), JobContext.NONE);
        assertThat(Files.readAllLines(out)).containsExactly("prediction", Double.toString(model.predict(4, 1, 15).value()),
                Double.toString(model.predict(10, 1, -2.5).value()));
        List<String> rejected = Files.readAllLines(s.rejectedFile().orElseThrow());
        assertThat(rejected).containsExactly("line,reason", "3,Expected 3 fields (the header's columns) but found 2.",
                "4,Expected 3 fields (the header's columns) but found 4.");

        Path tsv = Files.writeString(tmp.resolve("t.tsv"), "years_it_experience\tyears_aws_experience\thours_of_study\n4\t1\t15\n");
        Path tsvOut = tmp.resolve("t-out.jsonl");
        batch.run(new BatchRequest("exam-score", 1, tsv, tsvOut, true), JobContext.NONE);
        assertThat(Files.readAllLines(tsvOut)).containsExactly("{\"years_it_experience\":\"4\",\"years_aws_experience\":\"1\","
                + "\"hours_of_study\":\"15\",\"prediction\":" + model.predict(4, 1, 15).value() + "}");
    }

    @Test
    void smallBlocksOnManyThreadsKeepInputOrderAndLines() throws Exception {
        Path in = tmp.resolve("blocks.csv");
        int n = 30_000;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("id,years_it_experience,years_aws_experience,hours_of_study\n");
            for (int i = 0; i < n; i++) {
                String it = i % 1000 == 7 ? "oops" : Integer.toString(i % 16);
                w.write((i % 500 == 3 ? "\"id\n" + i + "\"" : "r" + i) + "," + it + "," + (i % 4) + "," + (5 + i % 60) + ".25\n");
            }
        }
        Path out = tmp.resolve("blocks-out.csv");
        BatchSummary s = new BatchTransform(engine.registry(), 3, 4096).run(new BatchRequest("exam-score", 1, in, out, false),
                JobContext.NONE);
        assertThat(s.rowsRejected()).isEqualTo(30);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(n - 30 + 1);
        int k = 1;
        long expectedLine = 2;
        List<String> rejected = Files.readAllLines(s.rejectedFile().orElseThrow());
        int r = 1;
        for (int i = 0; i < n; i++) {
            if (i % 1000 == 7) {
                assertThat(rejected.get(r++)).startsWith(expectedLine + ",");
            } else {
                assertThat(lines.get(k++)).isEqualTo(Double.toString(model.predict(i % 16, i % 4, 5 + i % 60 + 0.25).value()));
            }
            expectedLine += i % 500 == 3 ? 2 : 1;
        }
    }

    @Test
    void aRecordLongerThanABlockAHeaderOnlyFileAndAnEmptyFile() throws Exception {
        String longNote = "x".repeat(5000);
        Path in = Files.writeString(tmp.resolve("long.csv"), "note,years_it_experience,years_aws_experience,hours_of_study\n"
                + "\"" + longNote + "\",4,1,15\nshort,2,0,10\n");
        Path out = tmp.resolve("long-out.csv");
        BatchSummary s = new BatchTransform(engine.registry(), 2, 1024).run(new BatchRequest("exam-score", 1, in, out, true),
                JobContext.NONE);
        assertThat(s.rowsScored()).isEqualTo(2);
        assertThat(Files.readAllLines(out)).containsExactly("note,years_it_experience,years_aws_experience,hours_of_study,prediction",
                longNote + ",4,1,15," + model.predict(4, 1, 15).value(), "short,2,0,10," + model.predict(2, 0, 10).value());

        Path headerOnly = Files.writeString(tmp.resolve("header.csv"), "years_it_experience,years_aws_experience,hours_of_study\n");
        BatchSummary none = batch.run(new BatchRequest("exam-score", 1, headerOnly, tmp.resolve("header-out.csv"), false), JobContext.NONE);
        assertThat(none.rowsScored()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("header-out.csv"))).containsExactly("prediction");

        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertThatThrownBy(() -> batch.run(new BatchRequest("exam-score", 1, empty, tmp.resolve("empty-out.csv"), false), JobContext.NONE))
                .isInstanceOf(BatchException.class).hasMessageContaining("empty.csv is empty");
        assertThat(tmp.resolve("empty-out.csv")).doesNotExist();
    }

    @Test
    void aQuoteInsideAnUnquotedFieldDoesNotShiftBlockBoundaries() throws Exception {
        Path in = tmp.resolve("stray.csv");
        int n = 2000;
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write("name,years_it_experience,years_aws_experience,hours_of_study\n");
            for (int i = 0; i < n; i++) {
                w.write((i % 7 == 0 ? "5\" tall" : "row" + i) + "," + (i % 16) + ",1,15\n");
            }
        }
        Path out = tmp.resolve("stray-out.csv");
        BatchSummary s = new BatchTransform(engine.registry(), 2, 1024).run(new BatchRequest("exam-score", 1, in, out, false),
                JobContext.NONE);
        assertThat(s.rowsScored()).isEqualTo(n);
        List<String> lines = Files.readAllLines(out);
        for (int i = 0; i < n; i++) {
            assertThat(lines.get(i + 1)).isEqualTo(Double.toString(model.predict(i % 16, 1, 15).value()));
        }
    }

    @Test
    void aClassifierWithACategoryInputWritesLabelAndProbabilitiesAsPredictDoes() throws Exception {
        StringBuilder train = new StringBuilder("hours,course,passed\n");
        java.util.Random r = new java.util.Random(11);
        String[] courses = {"math", "art", "law"};
        for (int i = 0; i < 300; i++) {
            double hours = 10 * r.nextDouble();
            int c = r.nextInt(3);
            train.append(String.format(java.util.Locale.ROOT, "%.2f,%s,%s%n", hours, courses[c],
                    2 * hours + (c - 1) * 2 + r.nextGaussian() > 10 ? "pass" : "fail"));
        }
        Path trainCsv = Files.writeString(tmp.resolve("passes.csv"), train);
        Dataset d = engine.datasets().importFile(dev.osprey.core.data.ImportRequest.of(trainCsv), null);
        TrainingResult t = engine.training().train(TrainingRequest.of(d.id(), "passed", "logistic_regression"), JobContext.NONE);
        var v = engine.registry().register(t.runId(), "passes");
        TrainedModel passes = engine.registry().load(v.name(), v.version());

        Path in = Files.writeString(tmp.resolve("passes-in.csv"), "course,hours\nmath,7.5\n\"law\",2\nchess,9\n,4\n");
        Path out = tmp.resolve("passes-out.csv");
        BatchSummary s = batch.run(new BatchRequest(v.name(), v.version(), in, out, false), JobContext.NONE);

        assertThat(s.rowsScored()).isEqualTo(4);
        List<String> lines = Files.readAllLines(out);
        List<String> labels = passes.signature().classLabels();
        assertThat(lines.getFirst()).isEqualTo("prediction," + String.join(",", labels.stream().map(l -> "probability_" + l).toList()));
        Object[][] rows = {{7.5, "math"}, {2.0, "law"}, {9.0, "chess"}, {4.0, null}};
        for (int i = 0; i < rows.length; i++) {
            var p = passes.predict(java.util.Map.of("hours", rows[i][0], "course", rows[i][1] == null ? "" : rows[i][1]));
            StringBuilder expected = new StringBuilder(p.label().orElseThrow());
            labels.forEach(l -> expected.append(',').append(p.probabilities().get(l)));
            assertThat(lines.get(i + 1)).isEqualTo(expected.toString());
        }
    }
}
