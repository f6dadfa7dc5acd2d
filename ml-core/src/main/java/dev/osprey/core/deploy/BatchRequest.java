package dev.osprey.core.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Score every row of {@code input} (CSV, TSV, Parquet, JSON Lines or JSON) with version {@code version}
 * of the registered model {@code model}, writing {@code output} (CSV, or JSON Lines for a
 * {@code .jsonl} name). With {@code joinInput} each output row starts with the input row's columns.
 */
public record BatchRequest(String model, int version, Path input, Path output, boolean joinInput) {
    public BatchRequest {
        Objects.requireNonNull(model);
        Objects.requireNonNull(input);
        Objects.requireNonNull(output);
        if (version < 1) {
            throw new IllegalArgumentException("A model version is a number from 1, not " + version + ".");
        }
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("The output file must not be the input file " + input + ".");
        }
    }

    /** Where rejected rows go: {@code <output>.rejected.csv}. */
    public Path rejectedFile() {
        return output.resolveSibling(output.getFileName() + ".rejected.csv");
    }
}
