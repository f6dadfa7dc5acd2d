package dev.osprey.core.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a finished batch transform did. {@code rejectedFile} is present when rows were rejected
 * (their line and reason are in it).
 */
public record BatchSummary(long rowsScored, long rowsRejected, Path output, Optional<Path> rejectedFile, Duration elapsed) {
    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : (rowsScored + rowsRejected) / s;
    }

    @Override
    public String toString() {
        return rowsScored + " rows scored, " + rowsRejected + " rejected" + (rejectedFile.isPresent()
                ? " (reasons in " + rejectedFile.get().getFileName() + ")" : "") + " in " + elapsed.toMillis() + " ms";
    }
}
