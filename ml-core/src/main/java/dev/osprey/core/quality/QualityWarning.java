package dev.osprey.core.quality;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding of the report: how severe, what kind, which column (empty for the whole dataset),
 * the figure behind it (a share, a score, a count) and a sentence naming both.
 */
public record QualityWarning(Severity severity, WarningKind kind, Optional<String> column, double figure, String message) {
    public QualityWarning {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(column);
        Objects.requireNonNull(message);
    }
}
