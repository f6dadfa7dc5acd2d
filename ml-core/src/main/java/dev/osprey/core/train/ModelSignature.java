package dev.osprey.core.train;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a model takes and gives: its input columns (in the order of {@code Object[]} rows),
 * the name of the predicted column, the problem type and, for classification, the class labels
 * (index i of a probability array is {@code classLabels.get(i)}).
 */
public record ModelSignature(List<SignatureColumn> inputs, String output, ProblemType problemType,
                             List<String> classLabels) implements Serializable {
    public ModelSignature {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(output);
        Objects.requireNonNull(problemType);
        classLabels = List.copyOf(classLabels);
    }

    public List<String> inputNames() {
        return inputs.stream().map(SignatureColumn::name).toList();
    }
}
