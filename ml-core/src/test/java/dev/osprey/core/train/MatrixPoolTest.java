package dev.osprey.core.train;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XGBoost's matrices kept between the trainings of one job (a tuning job's trials): a kept matrix
 * gives the same model as a fresh one, each row selection is built once, and two fits never hold
 * the same matrices at once.
 */
class MatrixPoolTest {
    @TempDir
    Path tmp;

    @Test
    void trainingsThatShareACacheBuildTheMatricesOnceAndGiveTheSameModelsAsFreshOnes() throws Exception {
        try (Engine engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("ws")))) {
            Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            TrainingRequest a = TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "xgboost")
                    .withOptions(Map.of("rounds", "15", "max_depth", "4", "subsample", "0.7"));
            TrainingRequest b = a.withOptions(Map.of("rounds", "10", "max_depth", "2", "eta", "0.1"));
            TrainingResult freshA = engine.training().train(a, JobContext.NONE);
            TrainingResult freshB = engine.training().train(b, JobContext.NONE);
            try (PreparedCache cache = new PreparedCache()) {
                TrainingResult keptA = engine.training().train(a, JobContext.NONE, e -> { }, cache);
                TrainingResult keptB = engine.training().train(b, JobContext.NONE, e -> { }, cache);
                TrainingResult keptA2 = engine.training().train(a, JobContext.NONE, e -> { }, cache);

                assertThat(cache.matrices().builtCount()).isEqualTo(1);
                assertThat(keptA.metrics()).isEqualTo(freshA.metrics());
                assertThat(keptB.metrics()).isEqualTo(freshB.metrics());
                assertThat(keptA2.metrics()).isEqualTo(freshA.metrics());
                assertThat(keptA2.importance()).isEqualTo(freshA.importance());
            }
            // k-fold: one set per fold and one for the final fit on every row, built by the first training only
            TrainingRequest cv = a.withValidation(new Validation.KFold(3, 5));
            TrainingResult freshCv = engine.training().train(cv, JobContext.NONE);
            try (PreparedCache cache = new PreparedCache()) {
                engine.training().train(cv.withOptions(Map.of("rounds", "5")), JobContext.NONE, e -> { }, cache);
                TrainingResult keptCv = engine.training().train(cv, JobContext.NONE, e -> { }, cache);
                assertThat(cache.matrices().builtCount()).isEqualTo(4);
                assertThat(keptCv.metrics()).isEqualTo(freshCv.metrics());
            }
        }
    }

    @Test
    void twoFitsAtOnceHoldTheirOwnMatricesAndAClosedPoolFreesWhatComesBack() throws Exception {
        Prepared data = prepared(200);
        int[] train = java.util.stream.IntStream.range(0, 150).toArray();
        int[] valid = java.util.stream.IntStream.range(150, 200).toArray();
        MatrixPool pool = new MatrixPool();
        XGBoostMatrices.Lease first = XGBoostMatrices.lease(pool, data.rows(train), Optional.of(data.rows(valid)), 7);
        XGBoostMatrices.Lease second = XGBoostMatrices.lease(pool, data.rows(train.clone()), Optional.of(data.rows(valid)), 7);
        assertThat(second.matrices()).isNotSameAs(first.matrices());
        assertThat(pool.builtCount()).isEqualTo(2);
        first.close();
        second.close();
        // the same rows (equal indices, another array) take a kept set; other rows or another seed build one
        XGBoostMatrices.Lease again = XGBoostMatrices.lease(pool, data.rows(train.clone()), Optional.of(data.rows(valid)), 7);
        assertThat(again.matrices()).isIn(first.matrices(), second.matrices());
        XGBoostMatrices.Lease otherSeed = XGBoostMatrices.lease(pool, data.rows(train), Optional.of(data.rows(valid)), 8);
        XGBoostMatrices.Lease otherRows = XGBoostMatrices.lease(pool, data.rows(valid), Optional.of(data.rows(train)), 7);
        assertThat(pool.builtCount()).isEqualTo(4);
        otherSeed.close();
        pool.close();
        // given back after the close: freed, not kept
        again.close();
        otherRows.close();
        assertThat(pool.take(MatrixPool.Key.of(data.rows(train), Optional.of(data.rows(valid)), 7).orElseThrow())).isNull();
        // rows that are not prepared columns are not shared
        assertThat(MatrixPool.Key.of(EncodedRows.of(data.rows(train).toSet()), Optional.empty(), 7)).isEmpty();
    }

    private static Prepared prepared(int rows) throws Exception {
        Random r = new Random(3);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            y[i] = x1[i] + x2[i] > 0 ? 1 : 0;
        }
        List<Column> features = List.of(col("x1"), col("x2"));
        Column target = col("y");
        Dataset d = new Dataset(new DatasetId(1), "d", DataFormat.CSV, StorageMode.COPY, Path.of("d.csv"), "d.csv", rows, 1,
                "f", Instant.EPOCH, List.of(features.get(0), features.get(1), target));
        return DataPreparation.prepare(d, features, target, List.of(new TableReader.Numbers(x1), new TableReader.Numbers(x2),
                new TableReader.Numbers(y)), Optional.empty(), JobContext.NONE);
    }

    private static Column col(String name) {
        return new Column(name, name, ColumnType.DECIMAL, ColumnRole.FEATURE, 0, 0);
    }
}
