package dev.osprey.core.train;

import java.util.Map;
import java.util.function.Predicate;

/**
 * An {@link Algorithm} whose id, name, problem types, defaults and option reading are plain
 * values given to the constructor, so a learner writes only its {@code fit}.
 */
abstract class NamedAlgorithm implements Algorithm {
    static final Predicate<ProblemType> REGRESSION = type -> type == ProblemType.REGRESSION;
    static final Predicate<ProblemType> CLASSIFICATION = ProblemType::isClassification;
    static final Predicate<ProblemType> SUPERVISED = ProblemType::isSupervised;
    static final Predicate<ProblemType> CLUSTERING = type -> type == ProblemType.CLUSTERING;

    /** Validates the flat option map of the algorithm {@code id} (usually a record's {@code from}). */
    @FunctionalInterface
    interface OptionParser {
        AlgorithmOptions parse(String id, Map<String, String> values) throws TrainingException;
    }

    private final String id;
    private final String displayName;
    private final Predicate<ProblemType> supports;
    private final AlgorithmOptions defaults;
    private final OptionParser parser;

    NamedAlgorithm(String id, String displayName, Predicate<ProblemType> supports, AlgorithmOptions defaults,
                   OptionParser parser) {
        this.id = id;
        this.displayName = displayName;
        this.supports = supports;
        this.defaults = defaults;
        this.parser = parser;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final boolean supports(ProblemType type) {
        return supports.test(type);
    }

    @Override
    public final AlgorithmOptions defaults() {
        return defaults;
    }

    @Override
    public final AlgorithmOptions options(Map<String, String> values) throws TrainingException {
        return parser.parse(id, values);
    }
}
