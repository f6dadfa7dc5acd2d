package dev.osprey.core.train;

import dev.osprey.core.job.JobContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fits and scores one algorithm on prepared data under a validation scheme. Holdout: one fit on
 * the training rows, scored on the held-out rows, and that model is the result. K-fold: one fit
 * per fold, scored on the pooled out-of-fold predictions, then a final fit on all rows.
 */
final class Trainer {
    record Outcome(Predictor predictor, Map<String, Double> metrics, Optional<ClassificationReport> report,
                   FeatureImportance importance, int trainRows, int validRows) {
    }

    private Trainer() {
    }

    static Outcome run(Prepared data, Algorithm algorithm, AlgorithmOptions options, Validation validation,
                       JobContext job, Consumer<? super TrainingEvent> events) throws TrainingException {
        if (!algorithm.supports(data.all().problemType())) {
            throw new TrainingException(algorithm.displayName() + " cannot train a " + label(data.all().problemType())
                    + "; choose one of " + String.join(", ", Algorithms.supporting(data.all().problemType()).stream()
                    .map(Algorithm::id).toList()) + ".");
        }
        TrainingSet all = data.all();
        List<Splits.Split> splits = Splits.of(validation, all);
        boolean holdout = validation instanceof Validation.Holdout;
        int threads = Runtime.getRuntime().availableProcessors();
        int steps = splits.size() + (holdout ? 1 : 2);
        double[][] pooled = new double[all.rows()][];
        Predictor last = null;
        Optional<double[]> lastImportance = Optional.empty();
        for (int f = 0; f < splits.size(); f++) {
            job.checkCancelled();
            job.progress((double) f / steps, "Training " + algorithm.displayName() + (splits.size() > 1
                    ? ", fold " + (f + 1) + " of " + splits.size() : ""));
            Splits.Split s = splits.get(f);
            TrainingSet train = all.subset(s.train());
            TrainingSet valid = all.subset(s.valid());
            FitContext ctx = new FitContext(job, events, f + 1, validation.seed(), threads);
            Fitted fitted = fit(algorithm, train, Optional.of(valid), options, ctx);
            double[][] p = fitted.predictor().predict(valid.x());
            for (int i = 0; i < s.valid().length; i++) {
                pooled[s.valid()[i]] = p[i];
            }
            events.accept(new TrainingEvent.FoldCompleted(f + 1, splits.size(), score(valid, p, data).metrics()));
            last = fitted.predictor();
            lastImportance = fitted.importance();
        }
        int[] scored = java.util.stream.IntStream.range(0, all.rows()).filter(i -> pooled[i] != null).toArray();
        TrainingSet scoredRows = all.subset(scored);
        double[][] scoredPredictions = new double[scored.length][];
        for (int i = 0; i < scored.length; i++) {
            scoredPredictions[i] = pooled[scored[i]];
        }
        Score score = score(scoredRows, scoredPredictions, data);
        int trainRows = holdout ? splits.getFirst().train().length : all.rows();
        if (!holdout) {
            job.checkCancelled();
            job.progress((double) splits.size() / steps, "Training the final model on all " + all.rows() + " rows");
            Fitted fitted = fit(algorithm, all, Optional.empty(), options, new FitContext(job, events, 0, validation.seed(), threads));
            last = fitted.predictor();
            lastImportance = fitted.importance();
        }
        job.checkCancelled();
        job.progress((double) (steps - 1) / steps, "Measuring feature importance");
        FeatureImportance importance = importance(algorithm, last, lastImportance, scoredRows, data, validation.seed(), job);
        return new Outcome(last, score.metrics(), score.report(), importance, trainRows, scored.length);
    }

    private static Fitted fit(Algorithm algorithm, TrainingSet train, Optional<TrainingSet> valid, AlgorithmOptions options,
                              FitContext ctx) throws TrainingException {
        try {
            return algorithm.fit(train, valid, options, ctx);
        } catch (TrainingException | dev.osprey.core.job.JobCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ctx.isCancelled()) {
                throw new dev.osprey.core.job.JobCancelledException();
            }
            throw new TrainingException(algorithm.displayName() + " failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (LinkageError e) {
            throw new TrainingException(algorithm.displayName() + " cannot run on this machine (" + e
                    + "). Linear models need OpenBLAS: install the package libopenblas-dev (Debian/Ubuntu).", e);
        }
    }

    private record Score(Map<String, Double> metrics, Optional<ClassificationReport> report) {
    }

    private static Score score(TrainingSet rows, double[][] predictions, Prepared data) {
        if (rows.problemType() == ProblemType.REGRESSION) {
            double[] p = new double[predictions.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = predictions[i][0];
            }
            return new Score(Metrics.regression(rows.y(), p), Optional.empty());
        }
        ClassificationReport r = Metrics.classification(rows.labels(), predictions, data.classLabels());
        return new Score(r.toMap(), Optional.of(r));
    }

    private static FeatureImportance importance(Algorithm algorithm, Predictor model, Optional<double[]> nativeScores,
                                                TrainingSet rows, Prepared data, long seed, JobContext job) {
        if (nativeScores.isPresent() && nativeScores.get().length == data.all().features()) {
            return FeatureImportance.of(algorithm instanceof XGBoostAlgorithm ? "gain" : "split", nativeScores.get(), data.encoder());
        }
        FitContext ctx = new FitContext(job, e -> { }, 0, seed, 1);
        return FeatureImportance.ofColumns("permutation", PermutationImportance.perColumn(model, rows, data.encoder(), seed, ctx),
                data.encoder());
    }

    static String label(ProblemType type) {
        return switch (type) {
            case REGRESSION -> "regression";
            case BINARY -> "binary classification";
            case MULTICLASS -> "multiclass classification";
        };
    }
}
