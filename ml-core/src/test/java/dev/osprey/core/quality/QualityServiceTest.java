package dev.osprey.core.quality;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.ProblemType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The report on a crafted dataset whose problems are known: a leaky column, a constant column,
 * a mostly-missing column, a skewed column, duplicate rows and an imbalanced target. One report
 * (with its quick model) is made once and checked by several tests.
 */
class QualityServiceTest {
    static final int ROWS = 600;
    static final int DUPLICATES = 24;

    @TempDir
    static Path tmp;
    static Engine engine;
    static Dataset crafted;
    static QualityReport report;
    static double[] xValues;
    static int missingCount;

    @BeforeAll
    static void makeReport() throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        crafted = importCsv("crafted", craftedCsv());
        report = engine.quality().profile(QualityRequest.of(crafted.id(), Optional.of("churn")), JobContext.NONE);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Dataset importCsv(String name, String csv) throws Exception {
        Path file = Files.writeString(tmp.resolve(name + ".csv"), csv, StandardCharsets.UTF_8);
        return engine.datasets().importFile(ImportRequest.of(file), JobContext.NONE);
    }

    /** churn is "yes" for ~10% of rows; leak copies it (plus noise); the last rows repeat earlier ones. */
    static String craftedCsv() {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder("x,leak,constant,sparse,skewed,plan,churn\n");
        List<String> lines = new ArrayList<>();
        String[] plans = {"basic", "plus", "pro"};
        double[] xs = new double[ROWS + DUPLICATES];
        int missing = 0;
        for (int i = 0; i < ROWS; i++) {
            boolean churn = r.nextDouble() < 0.1;
            double x = Math.round((50 + 10 * r.nextGaussian()) * 1000) / 1000.0;
            double leak = (churn ? 1 : 0) + r.nextDouble() * 0.1;
            boolean sparse = r.nextDouble() < 0.7;
            double skewed = Math.round(Math.exp(1.5 * r.nextGaussian()) * 1000) / 1000.0;
            xs[i] = x;
            String line = fmt(x) + "," + fmt(leak) + ",same," + (sparse ? "" : Integer.toString(r.nextInt(9)))
                    + "," + fmt(skewed) + "," + plans[r.nextInt(3)] + "," + (churn ? "left" : "stayed");
            lines.add(line);
        }
        for (int i = 0; i < DUPLICATES; i++) {
            String copy = lines.get(i * 7);
            lines.add(copy);
            xs[ROWS + i] = xs[i * 7];
        }
        for (String l : lines) {
            sb.append(l).append('\n');
            if (l.split(",", -1)[3].isEmpty()) {
                missing++;
            }
        }
        xValues = xs;
        missingCount = missing;
        return sb.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static Stream<QualityWarning> warnings(WarningKind kind) {
        return report.warnings().stream().filter(w -> w.kind() == kind);
    }

    @Test
    void everyKnownProblemIsWarnedAboutNamingTheColumnAndTheFigure() {
        assertThat(warnings(WarningKind.TARGET_LEAKAGE)).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.HIGH);
            assertThat(w.column()).contains("leak");
            assertThat(w.figure()).isGreaterThan(0.98);
            assertThat(w.message()).contains("'leak'").contains("ROC AUC");
        });
        assertThat(warnings(WarningKind.CONSTANT_COLUMN)).singleElement()
                .satisfies(w -> assertThat(w.column()).contains("constant"));
        assertThat(warnings(WarningKind.MANY_MISSING)).singleElement().satisfies(w -> {
            assertThat(w.column()).contains("sparse");
            assertThat(w.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(w.figure()).isCloseTo((double) missingCount / (ROWS + DUPLICATES), within(1e-9));
        });
        assertThat(warnings(WarningKind.DUPLICATE_ROWS)).singleElement()
                .satisfies(w -> assertThat(w.message()).startsWith(DUPLICATES + " rows"));
        assertThat(warnings(WarningKind.CLASS_IMBALANCE)).singleElement().satisfies(w -> {
            assertThat(w.column()).contains("churn");
            assertThat(w.message()).contains("'stayed' has ").contains("'left'");
        });
        // leak is skewed too (10% of its values near 1, the rest near 0); x is symmetric
        assertThat(warnings(WarningKind.SKEW)).extracting(w -> w.column().orElseThrow()).contains("skewed").doesNotContain("x");
        assertThat(report.duplicateRows()).isEqualTo(DUPLICATES);
    }

    @Test
    void warningsAreRankedBySeverity() {
        List<Severity> order = report.warnings().stream().map(QualityWarning::severity).toList();
        List<Severity> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertThat(order).isEqualTo(sorted);
        assertThat(order.getFirst()).isEqualTo(Severity.HIGH);
    }

    @Test
    void onlyTheLeakyColumnIsFlagged() {
        assertThat(report.leakage()).filteredOn(LeakageScore::flagged).extracting(LeakageScore::column).containsExactly("leak");
        assertThat(report.leakage().getFirst().column()).isEqualTo("leak");
        assertThat(report.leakage()).extracting(LeakageScore::metric).containsOnly("roc_auc");
        LeakageScore x = report.leakage().stream().filter(s -> s.column().equals("x")).findFirst().orElseThrow();
        assertThat(x.score()).isBetween(0.3, 0.75);
    }

    @Test
    void statisticsAgreeWithPlainJava() {
        ColumnProfile x = report.column("x").orElseThrow();
        double[] v = xValues.clone();
        Arrays.sort(v);
        int n = v.length;
        double mean = Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        double m3 = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
            m3 += Math.pow(d - mean, 3);
        }
        double std = Math.sqrt(ss / (n - 1));
        double m2 = ss / n;
        double g1 = m3 / n / Math.pow(m2, 1.5);
        double skew = Math.sqrt((double) n * (n - 1)) / (n - 2) * g1;
        assertThat(x.count()).isEqualTo(n);
        assertThat(x.missing()).isZero();
        assertThat(x.distinct()).isEqualTo(Arrays.stream(v).distinct().count());
        ColumnProfile.NumericStats s = x.numeric().orElseThrow();
        assertThat(s.min()).isEqualTo(v[0]);
        assertThat(s.max()).isEqualTo(v[n - 1]);
        assertThat(s.mean()).isCloseTo(mean, within(1e-9));
        assertThat(s.std()).isCloseTo(std, within(1e-9));
        assertThat(s.q1()).isCloseTo(quantile(v, 0.25), within(1e-9));
        assertThat(s.median()).isCloseTo(quantile(v, 0.5), within(1e-9));
        assertThat(s.q3()).isCloseTo(quantile(v, 0.75), within(1e-9));
        assertThat(s.skewness()).isCloseTo(skew, within(1e-6));
        double iqr = quantile(v, 0.75) - quantile(v, 0.25);
        long outliers = Arrays.stream(v).filter(d -> d < quantile(v, 0.25) - 1.5 * iqr || d > quantile(v, 0.75) + 1.5 * iqr).count();
        assertThat(s.outliers()).isEqualTo(outliers);
        long[] counts = s.histogram().counts();
        assertThat(Arrays.stream(counts).sum()).isEqualTo(n);
        double width = (v[n - 1] - v[0]) / ColumnProfiler.BINS;
        long firstBin = Arrays.stream(v).filter(d -> d < v[0] + width).count();
        assertThat(counts[0]).isEqualTo(firstBin);

        ColumnProfile sparse = report.column("sparse").orElseThrow();
        assertThat(sparse.missing()).isEqualTo(missingCount);
        assertThat(sparse.count() + sparse.missing()).isEqualTo(ROWS + DUPLICATES);

        ColumnProfile plan = report.column("plan").orElseThrow();
        assertThat(plan.distinct()).isEqualTo(3);
        assertThat(plan.topValues()).hasSize(3);
        assertThat(plan.topValues().stream().mapToLong(ColumnProfile.ValueCount::count).sum()).isEqualTo(ROWS + DUPLICATES);
        assertThat(report.column("constant").orElseThrow().isConstant()).isTrue();
    }

    /** Linear interpolation between closest ranks, as numpy's default and DuckDB's quantile_cont. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    @Test
    void targetSummaryCountsTheClasses() {
        TargetSummary t = report.target().orElseThrow();
        assertThat(t.problemType()).isEqualTo(ProblemType.BINARY);
        assertThat(t.classes()).extracting(ColumnProfile.ValueCount::value).containsExactly("stayed", "left");
        assertThat(t.imbalanceRatio()).isGreaterThan(WarningRules.IMBALANCE_RATIO);
    }

    @Test
    void quickModelIsBoostedTreesRecordedInItsOwnExperiment() throws Exception {
        QuickModel q = report.quickModel().orElseThrow();
        assertThat(q.algorithm()).isEqualTo("xgboost");
        assertThat(q.problemType()).isEqualTo(ProblemType.BINARY);
        assertThat(q.metrics()).containsKeys("accuracy", "roc_auc");
        assertThat(q.metrics().get("roc_auc")).isGreaterThan(0.95);
        assertThat(q.importance().keySet().iterator().next()).isEqualTo("leak");
        assertThat(q.validRows()).isCloseTo((ROWS + DUPLICATES) / 5, within(2));
        assertThat(engine.experiments().experiments()).extracting(Experiment::name).contains(QualityService.EXPERIMENT)
                .doesNotContain("crafted / churn");
    }

    @Test
    void quickModelSamplesLargeDatasetsAndSaysSo() throws Exception {
        assertThat(report.notes()).noneMatch(n -> n.contains("sample"));
        assertThat(engine.experiments().get(report.quickModel().orElseThrow().run()).params())
                .containsEntry("row_limit", Long.toString(QualityService.QUICK_MAX_ROWS));
        assertThat(QualityService.sampleNote(QualityService.QUICK_MAX_ROWS)).isEmpty();
        assertThat(QualityService.sampleNote(1_000_000)).hasValue(
                "The quick model trained on a seeded sample of 100,000 of the 1,000,000 rows, for speed.");
    }

    @Test
    void htmlIsSelfContainedAndWrittenAtomically() throws Exception {
        Path out = tmp.resolve("html").resolve("report.html");
        HtmlReport.write(report, out);
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg")
                .contains("Data quality and insights: crafted").contains("leak").contains("Quick model")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("src=").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("url(").doesNotContain("@import");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.html");
        }
    }

    @Test
    void htmlEscapesColumnNamesAndValues() throws Exception {
        Dataset d = importCsv("escapes", "\"<b>name\",v\n\"<script>x</script>\",1\nplain,2\nplain,3\n");
        QualityReport r = engine.quality().profile(QualityRequest.of(d.id(), Optional.empty()), JobContext.NONE);
        String html = HtmlReport.render(r);
        assertThat(html).doesNotContain("<script").doesNotContain("<b>name").contains("&lt;b&gt;name");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("No target column"));
        assertThat(r.quickModel()).isEmpty();
    }

    @Test
    void regressionTargetLeakageIsMeasuredWithR2() throws Exception {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("a,b,copy,price\n");
        for (int i = 0; i < 400; i++) {
            double a = r.nextDouble() * 10;
            double b = r.nextGaussian();
            double price = 3 * a + r.nextGaussian() * 4;
            sb.append(fmt(a)).append(',').append(fmt(b)).append(',').append(fmt(price * 2 + 1)).append(',').append(fmt(price)).append('\n');
        }
        Dataset d = importCsv("prices", sb.toString());
        QualityReport rep = engine.quality().profile(QualityRequest.of(d.id(), Optional.of("price")).withoutQuickModel(),
                JobContext.NONE);
        assertThat(rep.target().orElseThrow().problemType()).isEqualTo(ProblemType.REGRESSION);
        assertThat(rep.leakage()).extracting(LeakageScore::metric).containsOnly("r2");
        assertThat(rep.leakage()).filteredOn(LeakageScore::flagged).extracting(LeakageScore::column).containsExactly("copy");
        assertThat(rep.quickModel()).isEmpty();
    }

    @Test
    void aConstantTargetIsAHighWarningAndNoModel() throws Exception {
        Dataset d = importCsv("flat", "a,b,y\n1,x,7\n2,y,7\n3,x,7\n4,y,7\n");
        QualityReport r = engine.quality().profile(QualityRequest.of(d.id(), Optional.of("y")), JobContext.NONE);
        assertThat(r.warnings().getFirst().kind()).isEqualTo(WarningKind.CONSTANT_TARGET);
        assertThat(r.warnings().getFirst().severity()).isEqualTo(Severity.HIGH);
        assertThat(r.quickModel()).isEmpty();
        assertThat(r.leakage()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.contains("single value"));
    }

    @Test
    void anUnknownTargetNamesTheColumnAndTheColumnsThereAre() {
        assertThatThrownBy(() -> engine.quality().profile(QualityRequest.of(crafted.id(), Optional.of("churned")), JobContext.NONE))
                .isInstanceOf(QualityException.class)
                .hasMessage("The dataset 'crafted' has no column 'churned'. Its columns are: x, leak, constant,"
                        + " sparse, skewed, plan, churn.");
    }

    @Test
    void anUnknownDatasetIsAClearError() {
        assertThatThrownBy(() -> engine.quality().profile(QualityRequest.of(new DatasetId(9999), Optional.empty()), JobContext.NONE))
                .isInstanceOf(QualityException.class).hasMessageContaining("9999");
    }

    @Test
    void anEmptyDatasetIsAClearError() throws Exception {
        // Import refuses a file without rows; a linked or copied file can still lose its rows later.
        Dataset d = importCsv("emptied", "a,b\n1,2\n");
        Files.writeString(d.location(), "a,b\n");
        assertThatThrownBy(() -> engine.quality().profile(QualityRequest.of(d.id(), Optional.empty()), JobContext.NONE))
                .isInstanceOf(QualityException.class)
                .hasMessage("The dataset 'emptied' has no rows: there is nothing to profile.");
    }

    @Test
    void aCancelledJobStops() {
        JobContext cancelled = new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void log(String line) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public void onCancel(Runnable hook) {
                hook.run();
            }
        };
        assertThatThrownBy(() -> engine.quality().profile(QualityRequest.of(crafted.id(), Optional.of("churn")), cancelled))
                .isInstanceOf(JobCancelledException.class);
    }

    @Test
    void histogramMapTextIsParsed() {
        long[] bins = ColumnProfiler.parseBins("{0=12, 3=5, 19=1}");
        assertThat(bins[0]).isEqualTo(12);
        assertThat(bins[3]).isEqualTo(5);
        assertThat(bins[19]).isEqualTo(1);
        assertThat(ColumnProfiler.parseBins("{}")).containsOnly(0);
    }
}
