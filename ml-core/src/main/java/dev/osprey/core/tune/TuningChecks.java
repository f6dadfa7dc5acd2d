package dev.osprey.core.tune;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.Algorithms;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.train.TrainingRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tuning job checks before its first trial, so bad input fails at once with a plain
 * message instead of as fifty failed runs: the algorithm, the target, the problem type, the
 * metric, and that every parameter of the space is an option of the algorithm whose bounds and
 * choices the algorithm accepts.
 */
public final class TuningChecks {
    /** The option that is the resource Hyperband allocates, per algorithm that trains step by step. */
    private static final Map<String, String> RESOURCES = Map.of("xgboost", "rounds", "mlp", "epochs");

    private TuningChecks() {
    }

    /** {@code rounds} for xgboost, {@code epochs} for mlp: the option Hyperband spends. */
    public static Optional<String> resourceOf(String algorithm) {
        return Optional.ofNullable(RESOURCES.get(algorithm));
    }

    /** The metrics a trial's training reports for a problem type (the choices of an objective). */
    public static List<String> metricsFor(ProblemType type) {
        return type == ProblemType.REGRESSION ? List.of("rmse", "mae", "r2", "mape")
                : List.of("accuracy", "balanced_accuracy", "f1_macro", "precision_macro", "recall_macro", "roc_auc", "log_loss");
    }

    /**
     * The problem type a training would infer for the target (as the training does: a number with
     * more than 10 distinct values is a regression, else two values make a binary classification).
     */
    public static ProblemType problemType(Dataset dataset, TrainingRequest request) throws TuningException {
        Column target = dataset.column(request.target()).orElseThrow(() -> new TuningException("The dataset '"
                + dataset.name() + "' has no column '" + request.target() + "'."));
        if (request.problemType().isPresent()) {
            if (!request.problemType().get().isSupervised()) {
                throw new TuningException("Tuning needs a target to score trials on; clustering cannot be tuned here.");
            }
            return request.problemType().get();
        }
        if (target.type().isNumeric() && target.distinct() > 10) {
            return ProblemType.REGRESSION;
        }
        return target.distinct() <= 2 ? ProblemType.BINARY : ProblemType.MULTICLASS;
    }

    static Algorithm algorithm(String id, ProblemType type) throws TuningException {
        Algorithm a;
        try {
            a = Algorithms.get(id);
        } catch (TrainingException e) {
            throw new TuningException(e.getMessage(), e);
        }
        if (!a.supports(type)) {
            throw new TuningException(a.displayName() + " cannot train a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " model; choose one of " + String.join(", ", Algorithms.supporting(type).stream().map(Algorithm::id).toList()) + ".");
        }
        return a;
    }

    /** The requested objective, or the problem type's default; its metric must be one a training reports. */
    public static Objective objective(Optional<Objective> requested, ProblemType type) throws TuningException {
        Objective o = requested.orElse(Objective.defaultFor(type));
        if (!metricsFor(type).contains(o.metric())) {
            throw new TuningException("There is no metric '" + o.metric() + "' for a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " model; choose one of " + String.join(", ", metricsFor(type)) + ".");
        }
        return o;
    }

    /** Every parameter is an option of {@code a}, and its bounds (or choices) are values {@code a} accepts. */
    static void space(SearchSpace space, Algorithm a, Map<String, String> fixed) throws TuningException {
        Set<String> known = a.defaults().toMap().keySet();
        for (Param p : space.params()) {
            if (!known.contains(p.name())) {
                throw new TuningException(a.id() + " has no parameter '" + p.name() + "'"
                        + (known.isEmpty() ? "; it has nothing to tune." : "; its parameters are " + String.join(", ", new TreeSet<>(known)) + "."));
            }
            List<String> probes = p instanceof Param.CategoricalParam c ? c.choices()
                    : List.of(p.format(p.low()), p.format(p.high()));
            for (String v : probes) {
                Map<String, String> options = new LinkedHashMap<>(fixed);
                options.put(p.name(), v);
                try {
                    a.options(options);
                } catch (TrainingException e) {
                    throw new TuningException(p.name() + "=" + p.describe() + " does not suit " + a.id() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Hyperband's rungs on the algorithm's resource, whose maximum is the template's value of it. */
    static AshaSettings asha(Algorithm a, SearchSpace space, Map<String, String> fixed, Optional<AshaSettings> given)
            throws TuningException {
        String resource = resourceOf(a.id()).orElseThrow(() -> new TuningException("Hyperband stops trials by their "
                + "boosting rounds or epochs; " + a.id() + " has neither. Use it with " + String.join(" or ", new TreeSet<>(RESOURCES.keySet()))
                + ", or choose another strategy."));
        if (space.find(resource).isPresent()) {
            throw new TuningException(resource + " is the resource Hyperband allocates, so it cannot also be searched; "
                    + "set its maximum in the training options instead.");
        }
        int max;
        try {
            max = Integer.parseInt(a.options(fixed).toMap().get(resource));
        } catch (TrainingException | NumberFormatException e) {
            throw new TuningException("Cannot read " + resource + " of the training options: " + e.getMessage(), e);
        }
        if (max < 2) {
            throw new TuningException("Hyperband needs at least 2 " + resource + ", not " + max + ".");
        }
        return given.orElse(AshaSettings.forResource(max));
    }

    static void pruning(Pruning pruning, Algorithm a) throws TuningException {
        if (pruning == Pruning.MEDIAN && resourceOf(a.id()).isEmpty()) {
            throw new TuningException("Median stopping compares trials round by round; " + a.id() + " reports no rounds. "
                    + "Use it with xgboost or mlp, or turn pruning off.");
        }
    }
}
