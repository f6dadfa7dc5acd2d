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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** {@code raw} holds one array per feature column, then the target's array. */
    static Prepared prepare(Dataset d, List<Column> features, Column target, List<Object[]> raw,
                            Optional<ProblemType> requested, JobContext log) throws TrainingException {
        Object[] y = raw.get(raw.size() - 1);
        if (y.length == 0) {
            throw new TrainingException("The dataset '" + d.name() + "' has no rows to train on.");
        }
        int[] keep = rowsWithTarget(y);
        if (keep.length == 0) {
            throw new TrainingException("The target '" + target.name() + "' has no values in any row of '" + d.name() + "'.");
        }
        if (keep.length < y.length) {
            log.log("Dropped " + (y.length - keep.length) + " of " + y.length + " rows without a value in '"
                    + target.name() + "'.");
        }
        ProblemType type = problemType(target, y, keep, requested);
        List<String> labels = type == ProblemType.REGRESSION ? List.of() : classLabels(target, y, keep);
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
        List<Object[]> used = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            Optional<SignatureColumn> spec = learn(features.get(j), select(raw.get(j), keep), log);
            if (spec.isPresent()) {
                specs.add(spec.get());
                used.add(select(raw.get(j), keep));
            }
        }
        if (specs.isEmpty()) {
            throw new TrainingException("Every feature column of '" + d.name() + "' is constant; there is nothing to learn from.");
        }
        FeatureEncoder encoder = new FeatureEncoder(specs);
        double[][] x = new double[keep.length][];
        Object[] row = new Object[specs.size()];
        for (int i = 0; i < keep.length; i++) {
            for (int j = 0; j < specs.size(); j++) {
                row[j] = used.get(j)[i];
            }
            x[i] = encoder.encode(row);
        }
        double[] yy = new double[keep.length];
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            index.put(labels.get(c), c);
        }
        for (int i = 0; i < keep.length; i++) {
            Object v = y[keep[i]];
            yy[i] = type == ProblemType.REGRESSION ? ((Number) v).doubleValue() : index.get(FeatureEncoder.category(v));
        }
        TrainingSet all = new TrainingSet(x, yy, encoder.featureNames(), type, labels.size());
        return new Prepared(encoder, all, labels, target.name());
    }

    private static int[] rowsWithTarget(Object[] y) {
        return java.util.stream.IntStream.range(0, y.length)
                .filter(i -> y[i] != null && !(y[i] instanceof Double dd && dd.isNaN()) && !(y[i] instanceof String s && s.isBlank()))
                .toArray();
    }

    private static Object[] select(Object[] values, int[] keep) {
        Object[] out = new Object[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = values[keep[i]];
        }
        return out;
    }

    private static ProblemType problemType(Column target, Object[] y, int[] keep, Optional<ProblemType> requested)
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
        long distinct = Arrays.stream(keep).mapToObj(i -> FeatureEncoder.category(y[i])).distinct().limit(REGRESSION_MIN_DISTINCT + 1).count();
        if (numeric && distinct > REGRESSION_MIN_DISTINCT) {
            return ProblemType.REGRESSION;
        }
        return distinct <= 2 ? ProblemType.BINARY : ProblemType.MULTICLASS;
    }

    /** Labels sorted numerically when they are all numbers, else alphabetically. */
    private static List<String> classLabels(Column target, Object[] y, int[] keep) {
        List<String> labels = new ArrayList<>(Arrays.stream(keep).mapToObj(i -> FeatureEncoder.category(y[i])).distinct().toList());
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

    /** How one feature column is encoded; empty when it is constant (dropped, with a log line). */
    static Optional<SignatureColumn> learn(Column c, Object[] values, JobContext log) throws TrainingException {
        long missing = Arrays.stream(values).filter(v -> v == null || v instanceof String s && s.isBlank()).count();
        if (missing == values.length) {
            throw new TrainingException("The column '" + c.name() + "' has no values. Set its role to IGNORE to train without it.");
        }
        boolean oneHot = switch (c.type()) {
            case CATEGORY, TEXT, BOOLEAN -> true;
            default -> false;
        };
        if (!oneHot) {
            SignatureColumn probe = new SignatureColumn(c.name(), c.type(), false, List.of(), false, 0);
            double[] nums = Arrays.stream(values).mapToDouble(v -> FeatureEncoder.number(probe, v)).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (nums[0] == nums[nums.length - 1]) {
                log.log("Dropped the column '" + c.name() + "': it is constant (" + OptionReader.fmt(nums[0]) + ").");
                return Optional.empty();
            }
            int n = nums.length;
            double median = n % 2 == 1 ? nums[n / 2] : (nums[n / 2 - 1] + nums[n / 2]) / 2;
            if (missing > 0) {
                log.log("Filled " + missing + " missing values of '" + c.name() + "' with its median " + OptionReader.fmt(median) + ".");
            }
            return Optional.of(new SignatureColumn(c.name(), c.type(), false, List.of(), false, median));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object v : values) {
            String s = FeatureEncoder.category(v);
            if (s != null && !s.isBlank()) {
                counts.merge(s, 1, Integer::sum);
            }
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
}
