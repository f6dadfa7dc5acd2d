package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnType;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row-wise steps of a fitted recipe as plain Java: turns one raw row into the row the recipe's
 * SQL would produce, with the same fitted constants. For serving a model trained on a recipe's output.
 * <p>
 * Steps that remove or add rows (filter, drop missing, duplicates, sample, split, balance) are skipped:
 * a served row is always answered. Steps that need other rows or a SQL engine (join, concatenate,
 * group by, computed column) are refused when the transform is built. Cast and parse with DROP_ROW
 * give missing values here. Values are Long, Double, String, Boolean, LocalDate, LocalDateTime or null.
 */
public final class RowTransform implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** One step with the column types it receives (conversions depend on them). */
    record Op(Step step, StepFit fit, LinkedHashMap<String, ColumnType> typesBefore) implements Serializable {
    }

    private final LinkedHashMap<String, ColumnType> sourceTypes;
    private final List<Op> ops;
    private final List<String> skipped;
    private final List<String> outputColumns;

    private RowTransform(LinkedHashMap<String, ColumnType> sourceTypes, List<Op> ops, List<String> skipped,
                         List<String> outputColumns) {
        this.sourceTypes = sourceTypes;
        this.ops = List.copyOf(ops);
        this.skipped = List.copyOf(skipped);
        this.outputColumns = List.copyOf(outputColumns);
    }

    static RowTransform of(FittedRecipe fitted, List<Column> sourceColumns) throws WrangleException {
        LinkedHashMap<String, ColumnType> source = new LinkedHashMap<>();
        sourceColumns.forEach(c -> source.put(c.name(), c.type()));
        LinkedHashMap<String, ColumnType> types = new LinkedHashMap<>(source);
        List<Op> ops = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Recipe recipe = fitted.recipe();
        for (int i = 0; i < recipe.size(); i++) {
            if (!recipe.steps().get(i).enabled()) {
                continue;
            }
            Step step = recipe.step(i);
            switch (RowSteps.kind(step)) {
                case SKIP -> skipped.add("Step " + (i + 1) + " (" + step.label() + ")");
                case REJECT -> throw StepCheck.error(i, step, "this step cannot run on a single row, so a model trained on"
                        + " this recipe's output cannot take raw rows. Apply it before the recipe's row-wise steps, or"
                        + " save its result as a dataset and start the recipe from there.", null);
                case ROW -> {
                    if (FittedRecipe.isFitted(step) && fitted.fits().get(i) == null) {
                        throw StepCheck.error(i, step, "the recipe has not been fitted.", null);
                    }
                    try {
                        ops.add(new Op(step, fitted.fits().get(i), new LinkedHashMap<>(types)));
                        types = RowSteps.types(step, fitted.fits().get(i), types);
                    } catch (IllegalArgumentException e) {
                        throw StepCheck.error(i, step, e.getMessage(), e);
                    }
                }
            }
        }
        return new RowTransform(source, ops, skipped, new ArrayList<>(types.keySet()));
    }

    /** The steps left out for serving, as "Step n (label)". */
    public List<String> skippedSteps() {
        return skipped;
    }

    /** The columns of the rows {@link #apply} returns, in order. */
    public List<String> outputColumns() {
        return outputColumns;
    }

    /**
     * Transforms one row. Values may be raw text (as in a JSON or CSV request) or typed; missing keys and
     * empty strings are missing values.
     *
     * @throws IllegalArgumentException naming the column when a value cannot be read or a FAIL cast fails
     */
    public Map<String, Object> apply(Map<String, ?> row) {
        LinkedHashMap<String, Object> r = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> e : sourceTypes.entrySet()) {
            Object v = row.get(e.getKey());
            // an empty cell of a CSV or form is a missing value, as it is when the dataset itself is read
            r.put(e.getKey(), RowSteps.coerce(e.getKey(), v instanceof String s && s.isEmpty() ? null : v, e.getValue()));
        }
        for (Op op : ops) {
            r = RowSteps.apply(op, r);
        }
        return Collections.unmodifiableMap(r);
    }
}
