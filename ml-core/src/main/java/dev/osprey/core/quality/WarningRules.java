package dev.osprey.core.quality;

import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.train.ProblemType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.osprey.core.quality.QualityFormat.count;
import static dev.osprey.core.quality.QualityFormat.number;
import static dev.osprey.core.quality.QualityFormat.percent;
import static dev.osprey.core.quality.QualityFormat.score;

/**
 * Turns the figures into warnings and ranks them: high (the model would learn something false:
 * leakage, a constant target), medium (it would learn less: many missing values, imbalance,
 * constant columns, duplicates), low (worth a look: skew, outliers, high cardinality).
 */
final class WarningRules {
    static final double MANY_MISSING = 0.5;
    static final double SOME_MISSING = 0.05;
    static final double IMBALANCE_RATIO = 4;
    static final double DUPLICATES_MEDIUM = 0.05;
    static final double SKEW = 2;
    static final double OUTLIER_SHARE = 0.05;
    static final int HIGH_CARDINALITY = 50;
    static final double HIGH_CARDINALITY_SHARE = 0.5;

    private WarningRules() {
    }

    static List<QualityWarning> evaluate(long rows, long duplicates, List<ColumnProfile> columns,
                                         Optional<TargetSummary> target, List<LeakageScore> leakage) {
        List<QualityWarning> w = new ArrayList<>();
        String targetName = target.map(TargetSummary::column).orElse(null);
        for (LeakageScore s : leakage) {
            if (s.flagged()) {
                String what = s.metric().equals("r2") ? "R² " : "ROC AUC ";
                w.add(new QualityWarning(Severity.HIGH, WarningKind.TARGET_LEAKAGE, Optional.of(s.column()), s.score(),
                        "'" + s.column() + "' alone predicts '" + targetName + "' with " + what + score(s.score())
                                + ": it may leak the answer (is it known before the target is?)."));
            }
        }
        target.ifPresent(t -> targetWarnings(t, rows, columns, w));
        if (duplicates > 0 && rows > 0) {
            double share = (double) duplicates / rows;
            w.add(new QualityWarning(share >= DUPLICATES_MEDIUM ? Severity.MEDIUM : Severity.LOW, WarningKind.DUPLICATE_ROWS,
                    Optional.empty(), share, count(duplicates) + " rows (" + percent(share) + ") repeat an earlier row exactly."));
        }
        for (ColumnProfile c : columns) {
            if (c.name().equals(targetName)) {
                continue;
            }
            columnWarnings(c, w);
        }
        w.sort(Comparator.comparing(QualityWarning::severity)
                .thenComparing(Comparator.comparingDouble((QualityWarning q) -> Math.abs(q.figure())).reversed()));
        return w;
    }

    private static void targetWarnings(TargetSummary t, long rows, List<ColumnProfile> columns, List<QualityWarning> w) {
        ColumnProfile c = columns.stream().filter(p -> p.name().equals(t.column())).findFirst().orElseThrow();
        if (c.isConstant()) {
            w.add(new QualityWarning(Severity.HIGH, WarningKind.CONSTANT_TARGET, Optional.of(t.column()), c.distinct(),
                    c.count() == 0 ? "The target '" + t.column() + "' has no values: there is nothing to learn."
                            : "The target '" + t.column() + "' has a single value (" + c.min().orElse("") + "): there is nothing to learn."));
        }
        if (t.missing() > 0) {
            double share = (double) t.missing() / Math.max(1, rows);
            w.add(new QualityWarning(Severity.MEDIUM, WarningKind.TARGET_MISSING, Optional.of(t.column()), share,
                    count(t.missing()) + " rows (" + percent(share) + ") have no '" + t.column() + "'; training skips them."));
        }
        if (t.problemType() != ProblemType.REGRESSION && t.classes().size() >= 2) {
            double ratio = t.imbalanceRatio();
            if (ratio >= IMBALANCE_RATIO) {
                long total = t.classes().stream().mapToLong(ColumnProfile.ValueCount::count).sum();
                ColumnProfile.ValueCount small = t.classes().getLast();
                ColumnProfile.ValueCount large = t.classes().getFirst();
                w.add(new QualityWarning(Severity.MEDIUM, WarningKind.CLASS_IMBALANCE, Optional.of(t.column()), ratio,
                        "Classes of '" + t.column() + "' are imbalanced: '" + large.value() + "' has " + percent((double) large.count() / total)
                                + " of the rows, '" + small.value() + "' " + percent((double) small.count() / total)
                                + " (" + number(ratio) + " to 1); look at balanced accuracy, not accuracy."));
            }
        }
    }

    private static void columnWarnings(ColumnProfile c, List<QualityWarning> w) {
        String name = c.name();
        double missing = c.missingShare();
        if (missing > MANY_MISSING) {
            w.add(new QualityWarning(Severity.MEDIUM, WarningKind.MANY_MISSING, Optional.of(name), missing,
                    "'" + name + "' is missing in " + percent(missing) + " of the rows."));
        } else if (missing >= SOME_MISSING) {
            w.add(new QualityWarning(Severity.LOW, WarningKind.SOME_MISSING, Optional.of(name), missing,
                    "'" + name + "' is missing in " + percent(missing) + " of the rows."));
        }
        if (c.rows() > 0 && c.isConstant() && c.count() > 0) {
            w.add(new QualityWarning(Severity.MEDIUM, WarningKind.CONSTANT_COLUMN, Optional.of(name), 1,
                    "'" + name + "' has a single value (" + c.min().orElse("") + "): it cannot help a model; drop it."));
            return;
        }
        c.numeric().ifPresent(n -> {
            if (!Double.isNaN(n.skewness()) && Math.abs(n.skewness()) > SKEW) {
                w.add(new QualityWarning(Severity.LOW, WarningKind.SKEW, Optional.of(name), n.skewness(),
                        "'" + name + "' is skewed (skewness " + number(n.skewness()) + "); a log or power transform may help linear models."));
            }
            double outlierShare = c.count() == 0 ? 0 : (double) n.outliers() / c.count();
            if (outlierShare >= OUTLIER_SHARE) {
                w.add(new QualityWarning(Severity.LOW, WarningKind.OUTLIERS, Optional.of(name), outlierShare,
                        "'" + name + "' has " + count(n.outliers()) + " outliers (" + percent(outlierShare)
                                + " of its values beyond 1.5 IQR of the quartiles)."));
            }
        });
        boolean textual = c.type() == ColumnType.CATEGORY || c.type() == ColumnType.TEXT;
        // An identifier is unique on purpose; only a column a model would learn from is worth the warning.
        textual &= c.role() == ColumnRole.FEATURE;
        if (textual && c.distinct() > HIGH_CARDINALITY && c.count() > 0) {
            double share = (double) c.distinct() / c.count();
            if (share > HIGH_CARDINALITY_SHARE || c.type() == ColumnType.CATEGORY) {
                w.add(new QualityWarning(Severity.LOW, WarningKind.HIGH_CARDINALITY, Optional.of(name), c.distinct(),
                        "'" + name + "' has " + count(c.distinct()) + " distinct values (" + percent(Math.min(1, share))
                                + " of its rows): one-hot encoding keeps only the most frequent; an identifier or free text?"));
            }
        }
    }
}
