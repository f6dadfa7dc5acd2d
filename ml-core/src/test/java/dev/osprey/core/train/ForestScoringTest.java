package dev.osprey.core.train;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring many rows of a random forest at once gives exactly what scoring each row through Smile gives. */
class ForestScoringTest {
    @Test
    void aForestScoresManyRowsExactlyAsRowByRow() throws Exception {
        for (int classes : new int[] {2, 3}) {
            TrainingSet train = data(600, classes, 1);
            TrainingSet test = data(300, classes, 2);
            Algorithm forest = Algorithms.get("random_forest");
            Fitted fitted = forest.fit(train, Optional.empty(), forest.options(Map.of("trees", "15")), FitContext.standalone(3));
            SmileTreePredictor p = (SmileTreePredictor) fitted.predictor();
            double[][] many = p.predictRows(test.x());
            for (int i = 0; i < test.rows(); i++) {
                assertThat(many[i]).as("row %d, %d classes", i, classes).containsExactly(p.predict(test.x()[i]));
            }
        }
    }

    @Test
    void otherTreeModelsScoreManyRowsAsRowByRow() throws Exception {
        TrainingSet train = data(300, 2, 4);
        Algorithm tree = Algorithms.get("decision_tree");
        SmileTreePredictor p = (SmileTreePredictor) tree.fit(train, Optional.empty(), tree.defaults(), FitContext.standalone(1))
                .predictor();
        double[][] many = p.predictRows(train.x());
        for (int i = 0; i < train.rows(); i++) {
            assertThat(many[i]).containsExactly(p.predict(train.x()[i]));
        }
    }

    private static TrainingSet data(int n, int classes, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextGaussian();
            }
            double s = x[i][0] + 0.5 * x[i][1] * x[i][2] + 0.3 * r.nextGaussian();
            y[i] = classes == 2 ? (s > 0 ? 1 : 0) : (s < -0.5 ? 0 : s < 0.5 ? 1 : 2);
        }
        return new TrainingSet(x, y, List.of("a", "b", "c", "d"), classes == 2 ? ProblemType.BINARY : ProblemType.MULTICLASS,
                classes);
    }
}
