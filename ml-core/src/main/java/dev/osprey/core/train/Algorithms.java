package dev.osprey.core.train;

import java.util.List;
import java.util.Optional;

/** The algorithms Osprey trains, in the order the views list them. */
public final class Algorithms {
    private static final List<Algorithm> ALL = List.of(
            new XGBoostAlgorithm(),
            new SmileTreeAlgorithms.RandomForest(),
            new SmileTreeAlgorithms.GradientBoost(),
            new SmileTreeAlgorithms.DecisionTree(),
            new LinearAlgorithms.LeastSquares(),
            new LinearAlgorithms.Ridge(),
            new LinearAlgorithms.Lasso(),
            new LinearAlgorithms.ElasticNet(),
            new LinearAlgorithms.Logistic(),
            new LinearAlgorithms.NearestNeighbours(),
            new SvmAlgorithm(),
            new MlpAlgorithm(),
            new DiscriminantAlgorithms.Lda(),
            new DiscriminantAlgorithms.Bayes(),
            new ClusteringAlgorithms.KMeans(),
            new ClusteringAlgorithms.Dbscan());

    private Algorithms() {
    }

    public static List<Algorithm> all() {
        return ALL;
    }

    public static List<Algorithm> supporting(ProblemType type) {
        return ALL.stream().filter(a -> a.supports(type)).toList();
    }

    public static Optional<Algorithm> find(String id) {
        return ALL.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public static Algorithm get(String id) throws TrainingException {
        return find(id).orElseThrow(() -> new TrainingException("There is no algorithm '" + id + "'. Choose one of "
                + String.join(", ", ALL.stream().map(Algorithm::id).toList()) + "."));
    }
}
