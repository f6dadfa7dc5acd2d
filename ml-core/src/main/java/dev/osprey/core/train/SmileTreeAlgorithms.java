package dev.osprey.core.train;

import smile.data.DataFrame;
import smile.math.MathEx;
import smile.model.cart.Loss;
import smile.model.cart.SplitRule;
import smile.util.IterativeAlgorithmController;

import java.util.Optional;
import java.util.Random;

/**
 * Smile's tree learners: random forest, CART decision tree and gradient tree boosting, each for
 * regression and classification. Their split importance is reported as native importance.
 * Forests and boosting stop early when the job is cancelled (Smile polls its controller per tree).
 */
final class SmileTreeAlgorithms {
    private SmileTreeAlgorithms() {
    }

    private abstract static class Base extends NamedAlgorithm implements EncodedRows.Learner {
        Base(String id, String displayName, AlgorithmOptions defaults, OptionParser parser) {
            super(id, displayName, SUPERVISED, defaults, parser);
        }

        @Override
        public final Fitted fit(TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options, FitContext context)
                throws TrainingException {
            return fit(EncodedRows.of(train), valid.map(EncodedRows::of), options, context);
        }

        /** Fits straight from the encoded columns (Smile's data frame takes one array per feature). */
        @Override
        public abstract Fitted fit(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options, FitContext context);

        /** Smile's controller, stopped by a cancel; fits check the job afterwards. */
        static <T> IterativeAlgorithmController<T> controller(FitContext context) {
            IterativeAlgorithmController<T> c = new IterativeAlgorithmController<>();
            context.onCancel(c::stop);
            return c;
        }

        static long[] seeds(long seed, int n) {
            Random r = new Random(seed);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = r.nextLong();
            }
            return out;
        }
    }

    static final class RandomForest extends Base {
        RandomForest() {
            super("random_forest", "Random forest", RandomForestOptions.defaults(),
                    (id, v) -> RandomForestOptions.from(v));
        }

        @Override
        public Fitted fit(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options, FitContext context) {
            RandomForestOptions o = (RandomForestOptions) options;
            DataFrame df = SmileFrames.withTarget(train);
            int p = train.features();
            MathEx.setSeed(context.seed());
            if (train.problemType() == ProblemType.REGRESSION) {
                int mtry = o.mtry() > 0 ? Math.min(o.mtry(), p) : Math.max(1, (p + 2) / 3);
                try (IterativeAlgorithmController<smile.regression.RandomForest.TrainingStatus> c = controller(context)) {
                    var model = smile.regression.RandomForest.fit(SmileFrames.FORMULA, df,
                            new smile.regression.RandomForest.Options(o.trees(), mtry, o.maxDepth(), o.maxNodes(),
                                    o.nodeSize(), o.subsample(), seeds(context.seed(), o.trees()), c));
                    context.checkCancelled();
                    return new Fitted(SmileTreePredictor.regression(model, p), Optional.of(model.importance()));
                }
            }
            int mtry = o.mtry() > 0 ? Math.min(o.mtry(), p) : Math.max(1, (int) Math.floor(Math.sqrt(p)));
            try (IterativeAlgorithmController<smile.classification.RandomForest.TrainingStatus> c = controller(context)) {
                var model = smile.classification.RandomForest.fit(SmileFrames.FORMULA, df,
                        new smile.classification.RandomForest.Options(o.trees(), mtry, SplitRule.GINI, o.maxDepth(),
                                o.maxNodes(), o.nodeSize(), o.subsample(), null, seeds(context.seed(), o.trees()), c));
                context.checkCancelled();
                return new Fitted(SmileTreePredictor.classifier(model, train.numClasses(), p), Optional.of(model.importance()));
            }
        }
    }

    static final class DecisionTree extends Base {
        DecisionTree() {
            super("decision_tree", "Decision tree (CART)", DecisionTreeOptions.defaults(),
                    (id, v) -> DecisionTreeOptions.from(v));
        }

        @Override
        public Fitted fit(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options, FitContext context) {
            DecisionTreeOptions o = (DecisionTreeOptions) options;
            DataFrame df = SmileFrames.withTarget(train);
            MathEx.setSeed(context.seed());
            if (train.problemType() == ProblemType.REGRESSION) {
                var model = smile.regression.RegressionTree.fit(SmileFrames.FORMULA, df,
                        new smile.regression.RegressionTree.Options(o.maxDepth(), o.maxNodes(), o.nodeSize()));
                return new Fitted(SmileTreePredictor.regression(model, train.features()), Optional.of(model.importance()));
            }
            var model = smile.classification.DecisionTree.fit(SmileFrames.FORMULA, df,
                    new smile.classification.DecisionTree.Options(SplitRule.GINI, o.maxDepth(), o.maxNodes(), o.nodeSize()));
            return new Fitted(SmileTreePredictor.classifier(model, train.numClasses(), train.features()),
                    Optional.of(model.importance()));
        }
    }

    static final class GradientBoost extends Base {
        GradientBoost() {
            super("gradient_boost", "Gradient tree boosting (Smile)", GradientBoostOptions.defaults(),
                    (id, v) -> GradientBoostOptions.from(v));
        }

        @Override
        public Fitted fit(EncodedRows train, Optional<EncodedRows> valid, AlgorithmOptions options, FitContext context) {
            GradientBoostOptions o = (GradientBoostOptions) options;
            DataFrame df = SmileFrames.withTarget(train);
            MathEx.setSeed(context.seed());
            if (train.problemType() == ProblemType.REGRESSION) {
                try (IterativeAlgorithmController<smile.regression.GradientTreeBoost.TrainingStatus> c = controller(context)) {
                    var model = smile.regression.GradientTreeBoost.fit(SmileFrames.FORMULA, df,
                            new smile.regression.GradientTreeBoost.Options(Loss.ls(), o.trees(), o.maxDepth(), o.maxNodes(),
                                    o.nodeSize(), o.shrinkage(), o.subsample(), null, c));
                    context.checkCancelled();
                    return new Fitted(SmileTreePredictor.regression(model, train.features()), Optional.of(model.importance()));
                }
            }
            try (IterativeAlgorithmController<smile.classification.GradientTreeBoost.TrainingStatus> c = controller(context)) {
                var model = smile.classification.GradientTreeBoost.fit(SmileFrames.FORMULA, df,
                        new smile.classification.GradientTreeBoost.Options(o.trees(), o.maxDepth(), o.maxNodes(), o.nodeSize(),
                                o.shrinkage(), o.subsample(), null, c));
                context.checkCancelled();
                return new Fitted(SmileTreePredictor.classifier(model, train.numClasses(), train.features()),
                        Optional.of(model.importance()));
            }
        }
    }
}
