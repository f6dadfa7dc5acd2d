package dev.osprey.core.train;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From raw column arrays to encoded rows: drops rows without a target, infers or checks the
 * problem type, learns the encoding (medians, categories) and refuses what cannot be trained
 * on with a message naming the column. The encoding is learned from all rows; it never looks
 * at the target, so validation scores are not inflated by it.
 */
final class DataPreparation {
    /** One-hot keeps the most frequent categories; the rest share one "other" feature. */
    static final int MAX_CATEGORIES = 50;
    /** A numeric target with more distinct values than this is a regression when nothing else is said. */
    static final int REGRESSION_MIN_DISTINCT = 10;
    static final int MAX_CLASSES = 200;

    private DataPreparation() {
    }

    static Column target(Dataset d, String target) throws TrainingException {
        return d.column(target).orElseThrow(() -> new TrainingException("The dataset '" + d.name() + "' has no column '"
                + target + "'. Its columns are: " + String.join(", ", d.columns().stream().map(Column::name).toList()) + "."));
    }

    /** The columns with role FEATURE, except the target. */
    static List<Column> features(Dataset d, String target) throws TrainingException {
        List<Column> out = d.columns().stream().filter(c -> c.role() == ColumnRole.FEATURE && !c.name().equals(target)).toList();
        if (out.isEmpty()) {
            throw new TrainingException("The dataset '" + d.name() + "' has no feature columns besides '" + target
                    + "'. Set the role of the columns to learn from to FEATURE.");
        }
        return out;
    }

    /** {@code raw} holds one column per feature column, then the target's column. */
    static Prepared prepare(Dataset d, List<Column> features, Column target, List<TableReader.Raw> raw,
                            Optional<ProblemType> requested, JobContext log) throws TrainingException {
        TableReader.Raw yRaw = raw.get(raw.size() - 1);
        if (yRaw.size() == 0) {
            throw new TrainingException("The dataset '" + d.name() + "' has no rows to train on.");
        }
        int[] keep = rowsWithTarget(yRaw);
        if (keep != null && keep.length == 0) {
            throw new TrainingException("The target '" + target.name() + "' has no values in any row of '" + d.name() + "'.");
        }
        if (keep != null) {
            log.log("Dropped " + (yRaw.size() - keep.length) + " of " + yRaw.size() + " rows without a value in '"
                    + target.name() + "'.");
            yRaw = yRaw.select(keep);
        }
        ProblemType type = problemType(target, yRaw, requested);
        List<String> labels = type == ProblemType.REGRESSION ? List.of() : classLabels(yRaw);
        if (type.isClassification()) {
            if (labels.size() < 2) {
                throw new TrainingException("The target '" + target.name() + "' has only one class (" + labels.getFirst()
                        + "); a classifier needs at least two.");
            }
            if (labels.size() > MAX_CLASSES) {
                throw new TrainingException("The target '" + target.name() + "' has " + labels.size()
                        + " classes; Osprey trains classifiers with up to " + MAX_CLASSES + ". Is it a regression?");
            }
            if (type == ProblemType.BINARY && labels.size() != 2) {
                throw new TrainingException("The target '" + target.name() + "' has " + labels.size()
                        + " classes, so it is a multiclass problem, not a binary one.");
            }
        }

        List<SignatureColumn> specs = new ArrayList<>();
        List<Prepared.Encoded> encoded = new ArrayList<>();
        encodeFeatures(d, features, raw, keep, specs, encoded, log);
        double[] y = type == ProblemType.REGRESSION ? regressionTarget(target, yRaw) : classIndices(yRaw, labels);
        return new Prepared(new FeatureEncoder(specs), encoded, y, type, labels.size(), labels, target.name());
    }

    /**
     * A clustering's data: {@code raw} holds one column per feature column and there is no target.
     * Every row is kept and encoded the same way as for a supervised model; {@code y} is all zeros
     * and the output column is called {@value #CLUSTER_OUTPUT}.
     */
    static Prepared prepareUnsupervised(Dataset d, List<Column> features, List<TableReader.Raw> raw, JobContext log)
            throws TrainingException {
        if (raw.isEmpty() || raw.getFirst().size() == 0) {
            throw new TrainingException("The dataset '" + d.name() + "' has no rows to cluster.");
        }
        List<SignatureColumn> specs = new ArrayList<>();
        List<Prepared.Encoded> encoded = new ArrayList<>();
        encodeFeatures(d, features, raw, null, specs, encoded, log);
        return new Prepared(new FeatureEncoder(specs), encoded, new double[raw.getFirst().size()], ProblemType.CLUSTERING,
                0, List.of(), CLUSTER_OUTPUT);
    }

    /** The name of a clustering model's output. */
    static final String CLUSTER_OUTPUT = "cluster";

    private static void encodeFeatures(Dataset d, List<Column> features, List<TableReader.Raw> raw, int[] keep,
                                       List<SignatureColumn> specs, List<Prepared.Encoded> encoded, JobContext log)
            throws TrainingException {
        // Columns are independent: encoded in parallel (a 1M x 20 dataset took 0.45 s on one core),
        // their log lines kept per column and written in column order afterwards.
        int n = features.size();
        @SuppressWarnings("unchecked")
        Optional<Learned>[] learned = new Optional[n];
        List<List<String>> lines = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            lines.add(new ArrayList<>());
        }
        TrainingException[] failure = new TrainingException[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(j -> {
            TableReader.Raw col = keep == null ? raw.get(j) : raw.get(j).select(keep);
            try {
                learned[j] = learnAndEncode(features.get(j), col, new BufferedLog(lines.get(j), log));
            } catch (TrainingException e) {
                failure[j] = e;
            }
        });
        for (int j = 0; j < n; j++) {
            lines.get(j).forEach(log::log);
            if (failure[j] != null) {
                throw failure[j];
            }
            if (learned[j].isPresent()) {
                specs.add(learned[j].get().spec());
                encoded.add(learned[j].get().encoded());
            }
        }
        if (specs.isEmpty()) {
            throw new TrainingException("Every feature column of '" + d.name() + "' is constant; there is nothing to learn from.");
        }
    }

    /** The rows whose target has a value; null when every row has one. */
    private static int[] rowsWithTarget(TableReader.Raw y) {
        int n = y.size();
        int[] keep = new int[n];
        int kept = 0;
        switch (y) {
            case TableReader.Numbers num -> {
                double[] v = num.values();
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(v[i])) {
                        keep[kept++] = i;
                    }
                }
            }
            case TableReader.Values vals -> {
                Object[] v = vals.values();
                for (int i = 0; i < n; i++) {
                    if (v[i] != null && !(v[i] instanceof Double dd && dd.isNaN()) && !(v[i] instanceof String s && s.isBlank())) {
                        keep[kept++] = i;
                    }
                }
            }
        }
        return kept == n ? null : Arrays.copyOf(keep, kept);
    }

    private static double[] regressionTarget(Column target, TableReader.Raw y) throws TrainingException {
        if (y instanceof TableReader.Numbers num) {
            return num.values();
        }
        double[] out = new double[y.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(y.get(i) instanceof Number n)) {
                throw new TrainingException("The target '" + target.name() + "' holds '" + y.get(i)
                        + "', not a number, so it cannot be predicted by a regression.");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    /** Each row's class index in {@code labels}. */
    private static double[] classIndices(TableReader.Raw y, List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            index.put(labels.get(c), c);
        }
        double[] out = new double[y.size()];
        if (y instanceof TableReader.Numbers num) {
            // few distinct numbers: map each distinct value once instead of formatting every row
            SmallDoubleTable byValue = new SmallDoubleTable();
            double[] v = num.values();
            for (int i = 0; i < out.length; i++) {
                int at = byValue.find(v[i]);
                if (at < 0) {
                    at = byValue.add(v[i], index.get(FeatureEncoder.category(v[i])));
                }
                out[i] = byValue.value(at);
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = index.get(FeatureEncoder.category(y.get(i)));
        }
        return out;
    }

    /** The distinct values of {@code y} as category text, at most {@code limit}. */
    private static Set<String> distinct(TableReader.Raw y, int limit) {
        Set<String> out = new LinkedHashSet<>();
        if (y instanceof TableReader.Numbers num) {
            SmallDoubleTable seen = new SmallDoubleTable();
            for (double v : num.values()) {
                if (seen.find(v) < 0) {
                    seen.add(v, 0);
                    if (out.add(FeatureEncoder.category(v)) && out.size() >= limit) {
                        break;
                    }
                }
            }
            return out;
        }
        for (int i = 0; i < y.size() && out.size() < limit; i++) {
            out.add(FeatureEncoder.category(y.get(i)));
        }
        return out;
    }

    private static ProblemType problemType(Column target, TableReader.Raw y, Optional<ProblemType> requested)
            throws TrainingException {
        boolean numeric = target.type().isNumeric();
        if (requested.isPresent()) {
            if (requested.get() == ProblemType.REGRESSION && !numeric) {
                throw new TrainingException("The target '" + target.name() + "' is " + target.type().name().toLowerCase()
                        + ", not a number, so it cannot be predicted by a regression. Train a classifier, or change its type"
                        + " to DECIMAL if it holds numbers.");
            }
            return requested.get();
        }
        long distinct = distinct(y, REGRESSION_MIN_DISTINCT + 1).size();
        if (numeric && distinct > REGRESSION_MIN_DISTINCT) {
            return ProblemType.REGRESSION;
        }
        return distinct <= 2 ? ProblemType.BINARY : ProblemType.MULTICLASS;
    }

    /** Labels sorted numerically when they are all numbers, else alphabetically. */
    private static List<String> classLabels(TableReader.Raw y) {
        List<String> labels = new ArrayList<>(distinct(y, Integer.MAX_VALUE));
        boolean numbers = labels.stream().allMatch(DataPreparation::isNumber);
        labels.sort(numbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return labels;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private record Learned(SignatureColumn spec, Prepared.Encoded encoded) {
    }

    /**
     * How one feature column is encoded and the column encoded that way; empty when it is constant
     * (dropped, with a log line). Numeric values are filled in place in a column of our own.
     */
    private static Optional<Learned> learnAndEncode(Column c, TableReader.Raw values, JobContext log) throws TrainingException {
        if (isOneHot(c)) {
            Optional<SignatureColumn> spec = learn(c, values, log);
            return spec.map(s -> new Learned(s, oneHot(s, values)));
        }
        double[] nums = numbers(c, values);
        Optional<SignatureColumn> spec = learnNumeric(c, nums, log);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        double median = spec.get().median();
        for (int i = 0; i < nums.length; i++) {
            if (Double.isNaN(nums[i])) {
                nums[i] = median;
            }
        }
        return Optional.of(new Learned(spec.get(), new Prepared.Numeric(nums)));
    }

    private static boolean isOneHot(Column c) {
        return switch (c.type()) {
            case CATEGORY, TEXT, BOOLEAN -> true;
            default -> false;
        };
    }

    /**
     * A numeric (or date) column as doubles, NaN where missing. A column read as numbers is used as
     * it is (the caller owns it); others are converted as {@link FeatureEncoder#number} does.
     */
    private static double[] numbers(Column c, TableReader.Raw values) {
        if (values instanceof TableReader.Numbers num) {
            return num.values();
        }
        SignatureColumn probe = new SignatureColumn(c.name(), c.type(), false, List.of(), false, 0);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = FeatureEncoder.number(probe, values.get(i));
        }
        return out;
    }

    /** How one feature column is encoded; empty when it is constant (dropped, with a log line). */
    static Optional<SignatureColumn> learn(Column c, TableReader.Raw values, JobContext log) throws TrainingException {
        if (!isOneHot(c)) {
            return learnNumeric(c, numbers(c, values), log);
        }
        long missing = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String s = FeatureEncoder.category(values.get(i));
            if (s != null && !s.isBlank()) {
                counts.merge(s, 1, Integer::sum);
            } else {
                missing++;
            }
        }
        if (missing == values.size()) {
            throw noValues(c);
        }
        if (counts.size() == 1 && missing == 0) {
            log.log("Dropped the column '" + c.name() + "': it has one value (" + counts.keySet().iterator().next() + ").");
            return Optional.empty();
        }
        if (c.type() == ColumnType.TEXT && counts.size() > MAX_CATEGORIES) {
            throw new TrainingException("The text column '" + c.name() + "' has " + counts.size() + " different values; Osprey"
                    + " one-hot encodes text with up to " + MAX_CATEGORIES + ". Set its role to IGNORE, or its type to CATEGORY"
                    + " to keep the " + MAX_CATEGORIES + " most frequent values.");
        }
        List<String> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CATEGORIES).map(Map.Entry::getKey).sorted().toList();
        boolean other = counts.size() > top.size();
        if (other) {
            log.log("The column '" + c.name() + "' has " + counts.size() + " categories; kept the " + top.size()
                    + " most frequent, the rest count as 'other'.");
        }
        return Optional.of(new SignatureColumn(c.name(), c.type(), true, top, other, 0));
    }

    private static TrainingException noValues(Column c) {
        return new TrainingException("The column '" + c.name() + "' has no values. Set its role to IGNORE to train without it.");
    }

    /** {@code nums} has NaN where missing; it is only read (the median is found without reordering it). */
    private static Optional<SignatureColumn> learnNumeric(Column c, double[] nums, JobContext log) throws TrainingException {
        Quantiles.Summary summary = Quantiles.summarize(nums);
        int present = summary.present();
        if (present == 0) {
            throw noValues(c);
        }
        if (summary.min() == summary.max()) {
            log.log("Dropped the column '" + c.name() + "': it is constant (" + OptionReader.fmt(summary.min()) + ").");
            return Optional.empty();
        }
        double median = summary.median(nums);
        int missing = nums.length - present;
        if (missing > 0) {
            log.log("Filled " + missing + " missing values of '" + c.name() + "' with its median " + OptionReader.fmt(median) + ".");
        }
        return Optional.of(new SignatureColumn(c.name(), c.type(), false, List.of(), false, median));
    }

    /** The one-hot position of each row, as {@link FeatureEncoder#encode(Object[])} sets it. */
    private static Prepared.OneHot oneHot(SignatureColumn spec, TableReader.Raw values) {
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < spec.categories().size(); k++) {
            position.put(spec.categories().get(k), k);
        }
        int unseen = spec.hasOther() ? spec.categories().size() : -1;
        int[] index = new int[values.size()];
        for (int i = 0; i < index.length; i++) {
            String s = FeatureEncoder.category(values.get(i));
            index[i] = s == null ? -1 : position.getOrDefault(s, unseen);
        }
        return new Prepared.OneHot(index, spec.width());
    }
}
