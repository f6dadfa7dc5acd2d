package dev.osprey.core.wrangle;

import dev.osprey.core.data.ColumnType;

import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link Recipe}. Steps are plain values: the form of a step in the UI edits one,
 * the catalog stores them as JSON ({@link StepCodec}), and {@link StepSql} compiles them to DuckDB SQL.
 * A constructor only checks what needs no schema; whether the columns exist and fit is checked
 * against the input schema by {@link StepCheck}.
 */
public sealed interface Step extends java.io.Serializable {

    /** A short text for the step list, e.g. {@code Standardize 'age'}. */
    default String label() {
        return StepLabels.label(this);
    }

    /** What to do with a value that cannot be converted. */
    enum CastPolicy { FAIL, NULL, DROP_ROW }

    enum DatePart { YEAR, QUARTER, MONTH, DAY, DAY_OF_WEEK, DAY_OF_YEAR, HOUR, MINUTE, SECOND }

    enum FillMethod { CONSTANT, MEAN, MEDIAN, MODE }

    enum BinMethod { EQUAL_WIDTH, QUANTILE }

    enum ClipMethod { STD_DEV, MEDIAN_MAD, QUANTILE }

    enum TextCase { UPPER, LOWER }

    enum JoinKind { INNER, LEFT, RIGHT, FULL, SEMI, ANTI }

    enum AggFunction { COUNT, COUNT_DISTINCT, SUM, MEAN, MEDIAN, MIN, MAX, STD }

    enum SampleMethod { FIRST_ROWS, RANDOM, STRATIFIED }

    enum BalanceMethod { UNDERSAMPLE, OVERSAMPLE }

    record SelectColumns(List<String> columns) implements Step {
        public SelectColumns {
            columns = names(columns, "Select columns", false);
        }
    }

    record DropColumns(List<String> columns) implements Step {
        public DropColumns {
            columns = names(columns, "Drop columns", false);
        }
    }

    record RenameColumn(String column, String newName) implements Step {
        public RenameColumn {
            Objects.requireNonNull(column, "column");
            newName = required(newName, "Rename needs a new name.");
        }
    }

    record ReorderColumns(List<String> first) implements Step {
        public ReorderColumns {
            first = names(first, "Reorder columns", false);
        }
    }

    record CastColumn(String column, ColumnType type, CastPolicy onFailure) implements Step {
        public CastColumn {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(type, "type");
            onFailure = onFailure == null ? CastPolicy.FAIL : onFailure;
        }
    }

    record ParseDate(String column, String format, CastPolicy onFailure) implements Step {
        public ParseDate {
            Objects.requireNonNull(column, "column");
            format = required(format, "Parse date needs a format, such as %Y-%m-%d.");
            onFailure = onFailure == null ? CastPolicy.FAIL : onFailure;
        }
    }

    record ExtractDatePart(String column, DatePart part, String newColumn) implements Step {
        public ExtractDatePart {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(part, "part");
        }
    }

    record FillMissing(String column, FillMethod method, String constant) implements Step {
        public FillMissing {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(method, "method");
            if (method == FillMethod.CONSTANT && constant == null) {
                throw new IllegalArgumentException("Fill with a constant needs the value to fill in.");
            }
        }
    }

    record DropMissing(List<String> columns) implements Step {
        public DropMissing {
            columns = names(columns, "Drop missing", true);
        }
    }

    record MissingIndicator(String column, String newColumn) implements Step {
        public MissingIndicator {
            Objects.requireNonNull(column, "column");
        }
    }

    record Filter(Condition condition) implements Step {
        public Filter {
            Objects.requireNonNull(condition, "condition");
        }
    }

    record RemoveDuplicates(List<String> columns) implements Step {
        public RemoveDuplicates {
            columns = names(columns, "Remove duplicates", true);
        }
    }

    record ComputedColumn(String name, String expression) implements Step {
        public ComputedColumn {
            name = required(name, "A computed column needs a name.");
            expression = required(expression, "A computed column needs an expression.");
        }
    }

    record OneHotEncode(String column, boolean dropOriginal) implements Step {
        public OneHotEncode {
            Objects.requireNonNull(column, "column");
        }
    }

    record OrdinalEncode(String column, String newColumn) implements Step {
        public OrdinalEncode {
            Objects.requireNonNull(column, "column");
        }
    }

    record Standardize(String column) implements Step {
        public Standardize {
            Objects.requireNonNull(column, "column");
        }
    }

    record MinMaxScale(String column) implements Step {
        public MinMaxScale {
            Objects.requireNonNull(column, "column");
        }
    }

    record Bin(String column, BinMethod method, int bins, String newColumn) implements Step {
        public Bin {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(method, "method");
            if (bins < 2 || bins > 1000) {
                throw new IllegalArgumentException("Bin needs between 2 and 1000 bins, not " + bins + ".");
            }
        }
    }

    record LogTransform(String column, double offset) implements Step {
        public LogTransform {
            Objects.requireNonNull(column, "column");
            finite(offset, "The log offset");
        }
    }

    record PowerTransform(String column, double exponent) implements Step {
        public PowerTransform {
            Objects.requireNonNull(column, "column");
            finite(exponent, "The exponent");
        }
    }

    record ClipOutliers(String column, ClipMethod method, double k, double lowerQuantile, double upperQuantile)
            implements Step {
        public ClipOutliers {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(method, "method");
            if (method == ClipMethod.QUANTILE) {
                if (!(lowerQuantile >= 0 && lowerQuantile < upperQuantile && upperQuantile <= 1)) {
                    throw new IllegalArgumentException("Clip by quantile needs 0 <= lower < upper <= 1, not "
                            + lowerQuantile + " and " + upperQuantile + ".");
                }
            } else if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("Clip outliers needs a positive number of deviations, not " + k + ".");
            }
        }
    }

    record TrimText(String column) implements Step {
        public TrimText {
            Objects.requireNonNull(column, "column");
        }
    }

    record ChangeCase(String column, TextCase textCase) implements Step {
        public ChangeCase {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(textCase, "textCase");
        }
    }

    record RegexReplace(String column, String pattern, String replacement) implements Step {
        public RegexReplace {
            Objects.requireNonNull(column, "column");
            pattern = required(pattern, "Regex replace needs a pattern.");
            replacement = replacement == null ? "" : replacement;
        }
    }

    record SplitText(String column, String delimiter, int parts) implements Step {
        public SplitText {
            Objects.requireNonNull(column, "column");
            if (delimiter == null || delimiter.isEmpty()) {
                throw new IllegalArgumentException("Split needs a delimiter.");
            }
            if (parts < 1 || parts > 100) {
                throw new IllegalArgumentException("Split makes between 1 and 100 columns, not " + parts + ".");
            }
        }
    }

    record TextLength(String column, String newColumn) implements Step {
        public TextLength {
            Objects.requireNonNull(column, "column");
        }
    }

    record Join(String otherDataset, JoinKind kind, List<String> leftKeys, List<String> rightKeys) implements Step {
        public Join {
            otherDataset = required(otherDataset, "Join needs the dataset to join with.");
            Objects.requireNonNull(kind, "kind");
            leftKeys = names(leftKeys, "Join", false);
            rightKeys = names(rightKeys, "Join", false);
            if (leftKeys.size() != rightKeys.size()) {
                throw new IllegalArgumentException("Join needs as many keys on the right as on the left ("
                        + leftKeys.size() + " and " + rightKeys.size() + ").");
            }
        }
    }

    record Concatenate(String otherDataset) implements Step {
        public Concatenate {
            otherDataset = required(otherDataset, "Concatenate needs the dataset to append.");
        }
    }

    record Aggregate(String column, AggFunction function, String as) implements java.io.Serializable {
        public Aggregate {
            Objects.requireNonNull(function, "function");
            if (column == null && function != AggFunction.COUNT) {
                throw new IllegalArgumentException(function + " needs a column.");
            }
        }
    }

    record GroupBy(List<String> keys, List<Aggregate> aggregates) implements Step {
        public GroupBy {
            keys = names(keys, "Group by", true);
            aggregates = List.copyOf(aggregates);
            if (keys.isEmpty() && aggregates.isEmpty()) {
                throw new IllegalArgumentException("Group by needs a key column or an aggregate.");
            }
        }
    }

    record Sample(SampleMethod method, long rows, double fraction, String stratifyBy, long seed) implements Step {
        public Sample {
            Objects.requireNonNull(method, "method");
            if (rows < 0) {
                throw new IllegalArgumentException("A sample size cannot be negative.");
            }
            if (method == SampleMethod.FIRST_ROWS && rows == 0) {
                throw new IllegalArgumentException("Sample of the first rows needs a number of rows.");
            }
            boolean byFraction = method == SampleMethod.STRATIFIED || (method == SampleMethod.RANDOM && rows == 0);
            if (byFraction && !(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("A sample fraction is between 0 (excluded) and 1, not " + fraction + ".");
            }
            if (method == SampleMethod.STRATIFIED && stratifyBy == null) {
                throw new IllegalArgumentException("A stratified sample needs the column to stratify by.");
            }
        }
    }

    record TrainTestSplit(double testFraction, long seed, String column) implements Step {
        public TrainTestSplit {
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("The test share is between 0 and 1 (excluded), not " + testFraction + ".");
            }
            column = column == null || column.isBlank() ? "split" : column;
        }
    }

    record Balance(String column, BalanceMethod method, long seed) implements Step {
        public Balance {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(method, "method");
        }
    }

    private static List<String> names(List<String> names, String step, boolean mayBeEmpty) {
        List<String> copy = names == null ? List.of() : List.copyOf(names);
        if (copy.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException(step + " needs at least one column.");
        }
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException(step + " lists a column twice.");
        }
        return copy;
    }

    private static String required(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return text;
    }

    private static void finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a number, not " + v + ".");
        }
    }
}
