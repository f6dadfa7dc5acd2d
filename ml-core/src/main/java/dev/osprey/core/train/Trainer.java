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
                   FeatureImportance importance, int trainRows, int validRows, HeldOut heldOut,
                   Optional<ClusterReport> clusters) {
    }

    private Trainer() {
    }

    static Outcome run(Prepared data, Algorithm algorithm, AlgorithmOptions options, Validation validation,
                       JobContext job, Consumer<? super TrainingEvent> events, int maxThreads) throws TrainingException {
        return run(data, algorithm, options, validation, job, events, maxThreads, null);
    }

    /** As above; {@code matrices} (null: none) keeps XGBoost's matrices for the next fit on the same rows. */
    static Outcome run(Prepared data, Algorithm algorithm, AlgorithmOptions options, Validation validation,
                       JobContext job, Consumer<? super TrainingEvent> events, int maxThreads, MatrixPool matrices)
            throws TrainingException {
        ProblemType type = data.problemType();
        if (!algorithm.supports(type)) {
            throw new TrainingException(algorithm.displayName() + " cannot train a " + label(type)
                    + "; choose one of " + String.join(", ", Algorithms.supporting(type).stream()
                    .map(Algorithm::id).toList()) + ".");
        }
        List<Splits.Split> splits = Splits.of(validation, data.rows(), type, data.y(), data.numClasses());
        boolean holdout = validation instanceof Validation.Holdout;
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = maxThreads > 0 ? Math.min(maxThreads, cores) : cores;
        int steps = splits.size() + (holdout ? 1 : 2);
        double[][] pooled = new double[data.rows()][];
        Predictor last = null;
        Optional<double[]> lastImportance = Optional.empty();
        Score foldScore = null;
        for (int f = 0; f < splits.size(); f++) {
            job.checkCancelled();
            job.progress((double) f / steps, "Training " + algorithm.displayName() + (splits.size() > 1
                    ? ", fold " + (f + 1) + " of " + splits.size() : ""));
            Splits.Split s = splits.get(f);
            EncodedRows train = data.rows(s.train());
            EncodedRows valid = data.rows(s.valid());
            FitContext ctx = new FitContext(job, events, f + 1, validation.seed(), threads).withMatrices(matrices);
            EncodedRows.Fit fit = fit(algorithm, train, Optional.of(valid), options, ctx);
            Fitted fitted = fit.fitted();
            job.progress((f + 0.9) / steps, "Scoring the held-out rows");
            double[][] p = fit.validPredictions().orElseGet(() -> predict(fitted.predictor(), valid, threads));
            for (int i = 0; i < s.valid().length; i++) {
                pooled[s.valid()[i]] = p[i];
            }
            foldScore = score(valid.y(), p, data);
            events.accept(new TrainingEvent.FoldCompleted(f + 1, splits.size(), foldScore.metrics()));
            last = fitted.predictor();
            lastImportance = fitted.importance();
        }
        int[] scored = java.util.stream.IntStream.range(0, data.rows()).filter(i -> pooled[i] != null).toArray();
        double[][] scoredPredictions = new double[scored.length][];
        for (int i = 0; i < scored.length; i++) {
            scoredPredictions[i] = pooled[scored[i]];
        }
        double[] scoredActual = data.rows(scored).y();
        // one split: its validation rows (ascending, as pooled) were just scored; do not score them twice
        Score score = splits.size() == 1 ? foldScore : score(scoredActual, scoredPredictions, data);
        HeldOut heldOut = HeldOut.sample(type, data.classLabels(), scoredActual, scoredPredictions, !holdout, validation.seed());
        int trainRows = holdout ? splits.getFirst().train().length : data.rows();
        if (!holdout) {
            job.checkCancelled();
            job.progress((double) splits.size() / steps, "Training the final model on all " + data.rows() + " rows");
            Fitted fitted = fit(algorithm, data.rows(null), Optional.empty(), options,
                    new FitContext(job, events, 0, validation.seed(), threads).withMatrices(matrices)).fitted();
            last = fitted.predictor();
            lastImportance = fitted.importance();
        }
        job.checkCancelled();
        FeatureImportance importance = importance(algorithm, last, lastImportance, scored, data, validation.seed(), job,
                (double) (steps - 1) / steps);
        return new Outcome(last, score.metrics(), score.report(), importance, trainRows, scored.length, heldOut,
                Optional.empty());
    }

    /**
     * Predictions for held-out rows; XGBoost's straight from the float matrix, without double rows in
     * between. Smile's trees predict one row at a time on one thread, and are read-only once fitted,
     * so their rows are split across the cores (other predictors may keep scratch buffers: one thread).
     */
    private static double[][] predict(Predictor predictor, EncodedRows rows, int threads) {
        if (predictor instanceof XGBoostPredictor x) {
            return x.predict(rows.floats(), rows.rows());
        }
        double[][] x = rows.toSet().x();
        if (!(predictor instanceof SmileTreePredictor) || threads < 2 || x.length < 2_000) {
            return predictor instanceof SmileTreePredictor trees ? trees.predictRows(x) : predictor.predict(x);
        }
        SmileTreePredictor trees = (SmileTreePredictor) predictor;
        double[][] out = new double[x.length][];
        int block = (x.length + threads - 1) / threads;
        java.util.stream.IntStream.range(0, threads).parallel().forEach(t -> {
            int from = Math.min(x.length, t * block);
            int to = Math.min(x.length, from + block);
            double[][] part = trees.predictRows(java.util.Arrays.copyOfRange(x, from, to));
            System.arraycopy(part, 0, out, from, part.length);
        });
        return out;
    }

    /** Algorithms that read the prepared columns directly get them; the others get plain double rows. */
    static EncodedRows.Fit fit(Algorithm algorithm, EncodedRows train, Optional<EncodedRows> valid,
                                       AlgorithmOptions options, FitContext ctx) throws TrainingException {
        if (algorithm instanceof EncodedRows.Learner learner) {
            return guarded(algorithm, ctx, () -> learner.fitAndPredict(train, valid, options, ctx));
        }
        return guarded(algorithm, ctx, () -> new EncodedRows.Fit(
                algorithm.fit(train.toSet(), valid.map(EncodedRows::toSet), options, ctx), Optional.empty()));
    }

    private interface FitCall {
        EncodedRows.Fit call() throws TrainingException;
    }

    private static EncodedRows.Fit guarded(Algorithm algorithm, FitContext ctx, FitCall call) throws TrainingException {
        try {
            return call.call();
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

    private static Score score(double[] y, double[][] predictions, Prepared data) {
        if (data.problemType() == ProblemType.REGRESSION) {
            double[] p = new double[predictions.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = predictions[i][0];
            }
            return new Score(Metrics.regression(y, p), Optional.empty());
        }
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (int) y[i];
        }
        ClassificationReport r = Metrics.classification(labels, predictions, data.classLabels());
        return new Score(r.toMap(), Optional.of(r));
    }

    /** The model's own importance when it has one; else permutation importance on the scored rows. */
    private static FeatureImportance importance(Algorithm algorithm, Predictor model, Optional<double[]> nativeScores,
                                                int[] scored, Prepared data, long seed, JobContext job, double progress) {
        if (nativeScores.isPresent() && nativeScores.get().length == data.encoder().width()) {
            return FeatureImportance.of(algorithm instanceof XGBoostAlgorithm ? "gain" : "split", nativeScores.get(), data.encoder());
        }
        job.progress(progress, "Measuring feature importance");
        // the sample PermutationImportance would draw, taken before building rows, so only those rows are built
        int[] sample = scored;
        if (scored.length > PermutationImportance.MAX_ROWS) {
            int[] perm = Splits.permutation(scored.length, new java.util.Random(seed));
            sample = new int[PermutationImportance.MAX_ROWS];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = scored[perm[i]];
            }
        }
        FitContext ctx = new FitContext(job, e -> { }, 0, seed, 1);
        TrainingSet rows = data.rows(sample).toSet();
        return FeatureImportance.ofColumns("permutation", PermutationImportance.perColumn(model, rows, data.encoder(), seed, ctx),
                data.encoder());
    }

    static String label(ProblemType type) {
        return switch (type) {
            case REGRESSION -> "regression";
            case BINARY -> "binary classification";
            case MULTICLASS -> "multiclass classification";
            case CLUSTERING -> "clustering";
        };
    }
}
