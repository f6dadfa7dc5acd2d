package dev.osprey.core.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data quality and insights report of one dataset: per-column statistics, duplicate rows,
 * the target's summary, each column's predictive power alone, the quick model, and the warnings
 * ranked by severity. {@code notes} say what was skipped and why (e.g. no target, no quick model).
 */
public record QualityReport(String dataset, long rows, long duplicateRows, List<ColumnProfile> columns,
                            Optional<TargetSummary> target, List<LeakageScore> leakage, Optional<QuickModel> quickModel,
                            List<QualityWarning> warnings, List<String> notes, Instant createdAt, Duration elapsed) {
    public QualityReport {
        Objects.requireNonNull(dataset);
        columns = List.copyOf(columns);
        Objects.requireNonNull(target);
        leakage = List.copyOf(leakage);
        Objects.requireNonNull(quickModel);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(elapsed);
    }

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public long count(Severity severity) {
        return warnings.stream().filter(w -> w.severity() == severity).count();
    }
}
