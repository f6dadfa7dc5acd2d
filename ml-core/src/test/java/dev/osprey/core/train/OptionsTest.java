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
    void theThreeTreeLearnersShareTheTreeLimitsAndReadEveryValueBeforeCheckingRanges() {
        assertThatThrownBy(() -> DecisionTreeOptions.from(Map.of("max_nodes", "1")))
                .hasMessage("max_nodes must be between 2 and 100000, not 1");
        assertThatThrownBy(() -> GradientBoostOptions.from(Map.of("node_size", "0")))
                .hasMessage("node_size must be between 1 and 10000, not 0");
        assertThatThrownBy(() -> RandomForestOptions.from(Map.of("max_depth", "33")))
                .hasMessage("max_depth must be between 1 and 32, not 33");
        assertThatThrownBy(() -> RandomForestOptions.from(Map.of("max_depth", "0", "subsample", "abc")))
                .hasMessage("subsample must be a number, not 'abc'");
        assertThatThrownBy(() -> GradientBoostOptions.from(Map.of("trees", "x", "max_nodes", "y")))
                .hasMessage("trees must be a whole number, not 'x'");
        assertThatThrownBy(() -> Algorithms.get("random_forest").options(Map.of("depth", "3")))
                .hasMessage("random_forest has no option 'depth'; its options are max_depth, max_nodes, mtry, node_size, subsample, trees.");
        assertThat(DecisionTreeOptions.defaults().toMap()).containsExactly(
                Map.entry("max_depth", "20"), Map.entry("max_nodes", "100"), Map.entry("node_size", "5"));
    }

    @Test
    void unknownKeysAndAlgorithmsAreNamed() {
        assertThatThrownBy(() -> Algorithms.get("xgboost").options(Map.of("depth", "3")))
                .hasMessageStartingWith("xgboost has no option 'depth'; its options are").hasMessageContaining("max_depth");
        assertThatThrownBy(() -> Algorithms.get("linear_regression").options(Map.of("lambda", "1")))
                .hasMessage("linear_regression has no option 'lambda'; it takes no options.");
        assertThatThrownBy(() -> Algorithms.get("perceptron")).hasMessageStartingWith("There is no algorithm 'perceptron'");
    }

    @Test
    void theNewAlgorithmsOptionsAreCheckedAndRoundTrip() throws Exception {
        SvmOptions svm = SvmOptions.from(Map.of("kernel", "Linear", "c", "10"));
        assertThat(svm.kernel()).isEqualTo("linear");
        assertThat(SvmOptions.from(svm.toMap())).isEqualTo(svm);
        assertThatThrownBy(() -> SvmOptions.from(Map.of("kernel", "polynomial")))
                .hasMessage("kernel must be one of gaussian, linear, not 'polynomial'");
        assertThatThrownBy(() -> SvmOptions.from(Map.of("c", "0"))).hasMessage("c must be greater than 0 and at most 1000000, not 0");

        MlpOptions mlp = MlpOptions.from(Map.of("hidden_units", "8", "epochs", "3", "learning_rate", "0.1"));
        assertThat(mlp.hiddenUnits()).isEqualTo(8);
        assertThat(MlpOptions.from(mlp.toMap())).isEqualTo(mlp);
        assertThatThrownBy(() -> MlpOptions.from(Map.of("hidden_layers", "9"))).hasMessage("hidden_layers must be between 1 and 5, not 9");
        assertThatThrownBy(() -> MlpOptions.from(Map.of("momentum", "1"))).hasMessage("momentum must be between 0 and 0.99, not 1");

        NaiveBayesOptions nb = NaiveBayesOptions.from(Map.of("alpha", "0.5"));
        assertThat(NaiveBayesOptions.from(nb.toMap())).isEqualTo(nb);
        assertThatThrownBy(() -> NaiveBayesOptions.from(Map.of("alpha", "0"))).hasMessageStartingWith("alpha must be greater than 0");

        ElasticNetOptions en = ElasticNetOptions.from(Map.of("lambda1", "0.5", "lambda2", "2"));
        assertThat(ElasticNetOptions.from(en.toMap())).isEqualTo(en);
        assertThatThrownBy(() -> ElasticNetOptions.from(Map.of("lambda2", "-1"))).hasMessageStartingWith("lambda2 must be greater than 0");
        assertThatThrownBy(() -> Algorithms.get("lda").options(Map.of("tol", "1"))).hasMessage("lda has no option 'tol'; it takes no options.");
    }

    @Test
    void algorithmsSayWhatTheySupport() {
        assertThat(Algorithms.supporting(ProblemType.REGRESSION)).extracting(Algorithm::id)
                .contains("xgboost", "random_forest", "linear_regression", "ridge", "lasso").doesNotContain("knn", "logistic_regression");
        assertThat(Algorithms.supporting(ProblemType.MULTICLASS)).extracting(Algorithm::id)
                .contains("xgboost", "decision_tree", "knn", "logistic_regression", "svm", "mlp", "lda", "naive_bayes")
                .doesNotContain("ols", "elastic_net");
        assertThat(Algorithms.supporting(ProblemType.REGRESSION)).extracting(Algorithm::id)
                .contains("elastic_net", "mlp").doesNotContain("svm", "lda", "naive_bayes");
    }
}
