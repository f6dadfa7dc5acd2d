package dev.osprey.core.train;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void everyAlgorithmsDefaultsRoundTripThroughTheFlatMap() throws Exception {
        for (Algorithm a : Algorithms.all()) {
            AlgorithmOptions defaults = a.defaults();
            assertThat(a.options(defaults.toMap())).as(a.id()).isEqualTo(defaults);
            assertThat(a.options(Map.of())).as(a.id()).isEqualTo(defaults);
        }
    }

    @Test
    void editedValuesSurviveTheRoundTrip() throws Exception {
        Map<String, String> m = new HashMap<>(XGBoostOptions.defaults().toMap());
        m.put("max_depth", "3");
        m.put("eta", "0.05");
        XGBoostOptions o = XGBoostOptions.from(m);
        assertThat(o.maxDepth()).isEqualTo(3);
        assertThat(o.eta()).isEqualTo(0.05);
        assertThat(XGBoostOptions.from(o.toMap())).isEqualTo(o);
    }

    @Test
    void outOfRangeValuesGetAPlainMessage() {
        assertThatThrownBy(() -> XGBoostOptions.from(Map.of("max_depth", "0")))
                .isInstanceOf(TrainingException.class).hasMessage("max_depth must be between 1 and 32, not 0");
        assertThatThrownBy(() -> XGBoostOptions.from(Map.of("eta", "0")))
                .hasMessage("eta must be greater than 0 and at most 1, not 0");
        assertThatThrownBy(() -> RandomForestOptions.from(Map.of("trees", "5000")))
                .hasMessage("trees must be between 1 and 2000, not 5000");
        assertThatThrownBy(() -> KnnOptions.from(Map.of("k", "many")))
                .hasMessage("k must be a whole number, not 'many'");
        assertThatThrownBy(() -> Algorithms.get("lasso").options(Map.of("lambda", "0")))
                .hasMessageContaining("lambda must be greater than 0");
    }

    @Test
    void unknownKeysAndAlgorithmsAreNamed() {
        assertThatThrownBy(() -> Algorithms.get("xgboost").options(Map.of("depth", "3")))
                .hasMessageStartingWith("xgboost has no option 'depth'; its options are").hasMessageContaining("max_depth");
        assertThatThrownBy(() -> Algorithms.get("linear_regression").options(Map.of("lambda", "1")))
                .hasMessage("linear_regression has no option 'lambda'; it takes no options.");
        assertThatThrownBy(() -> Algorithms.get("svm")).hasMessageStartingWith("There is no algorithm 'svm'");
    }

    @Test
    void algorithmsSayWhatTheySupport() {
        assertThat(Algorithms.supporting(ProblemType.REGRESSION)).extracting(Algorithm::id)
                .contains("xgboost", "random_forest", "linear_regression", "ridge", "lasso").doesNotContain("knn", "logistic_regression");
        assertThat(Algorithms.supporting(ProblemType.MULTICLASS)).extracting(Algorithm::id)
                .contains("xgboost", "decision_tree", "knn", "logistic_regression").doesNotContain("ols");
    }
}
