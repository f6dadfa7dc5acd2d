package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** k-means and DBSCAN through the training service: three blobs, recorded, registered, predicted; bad input. */
class ClusteringTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static Dataset blobs;
    static int[] truth;

    /** Three well-separated blobs in (x, y) plus a category that follows the blob, and a few missing x. */
    @BeforeAll
    static void open() throws Exception {
        engine = Engine.create(tmp.resolve("ws"));
        Random r = new Random(3);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        String[] tone = {"warm", "cool", "cool"};
        int n = 300;
        truth = new int[n];
        StringBuilder sb = new StringBuilder("x,y,tone\n");
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            truth[i] = c;
            double x = centres[c][0] + r.nextGaussian();
            double y = centres[c][1] + r.nextGaussian();
            sb.append(i == 7 ? "" : TrainFixture.fmt(x)).append(',').append(TrainFixture.fmt(y)).append(',').append(tone[c]).append('\n');
        }
        blobs = TrainFixture.importCsv(engine, tmp, "blobs", sb.toString(), Map.of("tone", ColumnType.CATEGORY));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private int[] assign(TrainedModel model) throws Exception {
        var preview = engine.datasets().preview(blobs.id(), 1000);
        int[] out = new int[preview.rows().size()];
        for (int i = 0; i < out.length; i++) {
            List<Object> row = preview.rows().get(i);
            out[i] = (int) model.predict(row.get(0), row.get(1), row.get(2)).value();
        }
        return out;
    }

    @Test
    void kMeansRecoversThreeBlobsAndBeatsOneCluster() throws Exception {
        TrainingResult result = engine.training().train(TrainingRequest.clustering(blobs.id(), "kmeans")
                .withOptions(Map.of("k", "3")), JobContext.NONE);

        int[] found = assign(result.model());
        assertThat(ClusterMetrics.adjustedRand(truth, found)).isGreaterThan(0.9);
        assertThat(result.clusters()).get().extracting(ClusterReport::sizes).asList().containsExactlyInAnyOrder(100, 100, 100);
        assertThat(result.metrics()).containsKeys("clusters", "silhouette", "wcss");
        assertThat(result.metrics().get("silhouette")).isGreaterThan(0.6);
        // one cluster's within sum of squares is the total: 3 standardised columns (x, y, tone as two one-hot) x 300 rows
        double oneCluster = 4.0 * 300;
        assertThat(result.metrics().get("wcss")).isLessThan(0.2 * oneCluster);
        assertThat(result.heldOut().isEmpty()).isTrue();
        assertThat(result.model().signature().problemType()).isEqualTo(ProblemType.CLUSTERING);
        assertThat(result.model().predict(10.0, 0.0, "cool").label()).contains(Integer.toString(found[1]));

        Run run = engine.experiments().get(result.runId());
        assertThat(run.params()).containsEntry("algorithm", "kmeans").containsEntry("k", "3").containsEntry("validation", "none");
        assertThat(engine.experiments().history(result.runId(), "cluster_size")).extracting(MetricPoint::value)
                .containsExactlyInAnyOrder(100.0, 100.0, 100.0);

        ModelVersion v = engine.registry().register(result.runId(), "segments");
        TrainedModel loaded = engine.registry().load("segments", v.version());
        assertThat(loaded.predict(0.2, 9.5, "cool").value()).isEqualTo(found[2]);
    }

    @Test
    void dbscanFindsTheBlobsAndCallsFarRowsNoise() throws Exception {
        TrainingResult result = engine.training().train(TrainingRequest.clustering(blobs.id(), "dbscan")
                .withOptions(Map.of("min_pts", "5", "radius", "0.6")), JobContext.NONE);

        int[] found = assign(result.model());
        assertThat(result.metrics().get("clusters")).isEqualTo(3.0);
        assertThat(result.metrics()).containsKeys("silhouette", "noise");
        assertThat(ClusterMetrics.adjustedRand(truth, found)).isGreaterThan(0.9);
        assertThat(result.clusters().orElseThrow().noise()).isEqualTo(result.metrics().get("noise").intValue());
        assertThat(result.model().predict(100.0, -100.0, "warm").value()).isEqualTo(-1.0);
        assertThat(result.model().predict(100.0, -100.0, "warm").label()).contains("noise");
    }

    @Test
    void optionsRoundTripThroughTheFlatMap() throws Exception {
        Algorithm kmeans = Algorithms.get("kmeans");
        AlgorithmOptions o = kmeans.options(Map.of("k", "4", "restarts", "2"));
        assertThat(kmeans.options(o.toMap())).isEqualTo(o);
        Algorithm dbscan = Algorithms.get("dbscan");
        AlgorithmOptions d = dbscan.options(Map.of("radius", "1.25"));
        assertThat(dbscan.options(d.toMap())).isEqualTo(d);
        assertThat(Algorithms.supporting(ProblemType.CLUSTERING)).extracting(Algorithm::id).containsExactly("kmeans", "dbscan");
        assertThat(Algorithms.supporting(ProblemType.REGRESSION)).extracting(Algorithm::id).doesNotContain("kmeans", "dbscan");
    }

    @Test
    void badClusteringInputIsRefusedWithAPlainMessage() throws Exception {
        assertThatThrownBy(() -> Algorithms.get("kmeans").options(Map.of("k", "1")))
                .isInstanceOf(TrainingException.class).hasMessage("k must be between 2 and 1000, not 1");
        assertThatThrownBy(() -> Algorithms.get("dbscan").options(Map.of("radius", "0")))
                .isInstanceOf(TrainingException.class).hasMessage("radius must be greater than 0 and at most 1000000, not 0");
        assertThatThrownBy(() -> Algorithms.get("dbscan").options(Map.of("radius", "-1")))
                .isInstanceOf(TrainingException.class).hasMessageStartingWith("radius must be greater than 0");
        Dataset tiny = TrainFixture.importCsv(engine, tmp, "tiny", "a,b\n1,2\n3,4\n5,7\n", Map.of());
        assertThatThrownBy(() -> engine.training().train(TrainingRequest.clustering(tiny.id(), "kmeans")
                .withOptions(Map.of("k", "5")), JobContext.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessage("k is 5 but the data has only 3 rows; k must be at most the number of rows.");
        assertThatThrownBy(() -> engine.training().train(TrainingRequest.of(blobs.id(), "tone", "kmeans"), JobContext.NONE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("finds clusters without a target");
        assertThatThrownBy(() -> engine.training().train(TrainingRequest.clustering(blobs.id(), "xgboost"), JobContext.NONE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("cannot train a clustering");
    }

    @Test
    void theNotebookCellOfAClusteringHasNoTarget() {
        String cell = TrainingCode.javaCell(TrainingRequest.clustering(blobs.id(), "kmeans").withOptions(Map.of("k", "3")), "blobs");
        assertThat(cell).contains("TrainingRequest.clustering(dataset.id(), \"kmeans\")").contains("\"k\", \"3\"")
                .doesNotContain("withProblemType").doesNotContain("withValidation");
    }

    @Test
    void silhouetteAndRandIndexMatchHandComputedValues() {
        // two pairs far apart; row 0: a = 1, b = mean(10, 11) = 10.5 -> 9.5 / 10.5; row 1: a = 1, b = 9.5 -> 8.5 / 9.5;
        // rows 2 and 3 mirror them
        double[][] z = {{0}, {1}, {10}, {11}};
        assertThat(ClusterMetrics.silhouette(z, new int[] {0, 0, 1, 1}, 1))
                .isCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, within(1e-12));
        assertThat(ClusterMetrics.wcss(z, new int[] {0, 0, 1, 1}, 2)).isCloseTo(1.0, within(1e-12));
        assertThat(ClusterMetrics.adjustedRand(new int[] {0, 0, 1, 1}, new int[] {5, 5, 7, 7})).isEqualTo(1.0);
    }
}
