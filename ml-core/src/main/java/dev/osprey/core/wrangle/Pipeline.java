package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a recipe over a base relation, step by step: check the step against the columns it receives,
 * fit it (or take its stored fit), count conversion failures, compile it to one more CTE, and ask DuckDB
 * for the columns it produces. The result is one SQL statement and the schema after every step.
 */
final class Pipeline {

    /** {@code sql} is one SELECT; {@code schemas.get(i)} the columns after step i (disabled steps pass through). */
    record Result(String sql, List<List<Column>> schemas, List<StepFit> fits, List<String> notes, Schema output) {
    }

    private Pipeline() {
    }

    /**
     * @param fixedFits the stored fits to use, or null to fit every fitted step on the base relation
     */
    static Result build(Connection c, String baseSql, Schema base, Recipe recipe, List<StepFit> fixedFits,
                        Sources sources, JobContext context) throws WrangleException {
        List<String> ctes = new ArrayList<>();
        ctes.add("s0 AS (" + baseSql + ")");
        List<List<Column>> schemas = new ArrayList<>();
        List<StepFit> fits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Schema schema = base;
        Statements statements = new Statements(c, context);
        Map<Integer, StepFit> prefit = new HashMap<>();
        for (int i = 0; i < recipe.size(); i++) {
            context.checkCancelled();
            RecipeStep rs = recipe.steps().get(i);
            Step step = rs.step();
            if (!rs.enabled()) {
                schemas.add(schema.columns());
                fits.add(fixedFits == null ? null : fixedFits.get(i));
                continue;
            }
            StepCheck.check(i, step, schema, sources);
            String rel = "s" + ctes.size();
            String prev = "s" + (ctes.size() - 1);
            String with = "WITH " + String.join(", ", ctes) + " ";
            StepFit fit;
            try {
                if (fixedFits != null) {
                    fit = fixedFits.get(i);
                    if (fit == null && FittedRecipe.isFitted(step)) {
                        throw StepCheck.error(i, step, "the recipe holds no fitted values for this step; save it again.", null);
                    }
                } else if (prefit.containsKey(i)) {
                    fit = prefit.get(i);
                } else if (Aggregates.column(step).isPresent()) {
                    prefit.putAll(Aggregates.fit(statements, with, prev, batch(i, recipe, schema, sources)));
                    fit = prefit.get(i);
                } else {
                    fit = FittedRecipe.isFitted(step) ? Fitter.fit(statements, i, step, with, prev) : null;
                }
                if (step instanceof Step.CastColumn || step instanceof Step.ParseDate) {
                    conversions(statements, i, step, with, prev, notes);
                }
            } catch (SQLException e) {
                if (statements.cancelled()) {
                    throw new JobCancelledException();
                }
                throw StepCheck.error(i, step, DuckMessages.clean(e), e);
            }
            String sql = StepSql.compile(step, fit, schema, prev, sources);
            ctes.add(rel + " AS (" + sql + ")");
            schema = describe(statements, i, step, "WITH " + String.join(", ", ctes) + " SELECT * FROM " + rel, schema);
            schemas.add(schema.columns());
            fits.add(fit);
        }
        String sql = "WITH " + String.join(", ", ctes) + " SELECT * FROM s" + (ctes.size() - 1);
        return new Result(sql, schemas, fits, notes, schema);
    }

    /**
     * Step {@code i} and the aggregate-fitted steps right after it that read columns none of them writes:
     * they all see the same rows and values, so one pass fits them all.
     */
    private static Map<Integer, Step> batch(int i, Recipe recipe, Schema schema, Sources sources) {
        Map<Integer, Step> batch = new LinkedHashMap<>();
        batch.put(i, recipe.step(i));
        Set<String> written = new HashSet<>(Set.of(Aggregates.writes(recipe.step(i))));
        for (int j = i + 1; j < recipe.size(); j++) {
            if (!recipe.steps().get(j).enabled()) {
                continue;
            }
            Step next = recipe.step(j);
            Optional<String> column = Aggregates.column(next);
            if (column.isEmpty() || written.contains(column.get())) {
                break;
            }
            try {
                StepCheck.check(j, next, schema, sources);
            } catch (WrangleException e) {
                break; // reported when the walk reaches that step
            }
            batch.put(j, next);
            written.add(Aggregates.writes(next));
        }
        return batch;
    }

    private static void conversions(Statements c, int i, Step step, String with, String prev, List<String> notes)
            throws SQLException, WrangleException {
        String where = StepSql.failuresWhere(step);
        String column = step instanceof Step.CastColumn cc ? cc.column() : ((Step.ParseDate) step).column();
        long failed;
        long total;
        String example = null;
        try (Statement st = c.create();
             ResultSet rs = st.executeQuery(with + "SELECT count(*) FILTER (WHERE " + where + "), count(*), "
                     + "min(CAST(" + SqlText.ident(column) + " AS VARCHAR)) FILTER (WHERE " + where + ") FROM " + prev)) {
            rs.next();
            failed = rs.getLong(1);
            total = rs.getLong(2);
            example = rs.getString(3);
        }
        if (failed == 0) {
            return;
        }
        Step.CastPolicy policy = step instanceof Step.CastColumn cc ? cc.onFailure() : ((Step.ParseDate) step).onFailure();
        String what = String.format("%,d of %,d rows cannot be converted (for example \"%s\")", failed, total, example);
        switch (policy) {
            case FAIL -> throw StepCheck.error(i, step, what + ". Choose to set them to missing or to drop those rows.", null);
            case NULL -> notes.add("Step " + (i + 1) + " (" + step.label() + "): " + what + "; set to missing.");
            case DROP_ROW -> notes.add("Step " + (i + 1) + " (" + step.label() + "): " + what + "; those rows are dropped.");
        }
    }

    private static Schema describe(Statements c, int i, Step step, String sql, Schema before) throws WrangleException {
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Statement st = c.create(); ResultSet rs = st.executeQuery("DESCRIBE " + sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!seen.add(name)) {
                    throw StepCheck.error(i, step, "it makes a second column named '" + name + "'; choose another name.", null);
                }
                cols.add(Schema.column(name, Schema.logical(rs.getString(2), before.find(name))));
            }
        } catch (SQLException e) {
            if (c.cancelled()) {
                throw new JobCancelledException();
            }
            String what = step instanceof Step.ComputedColumn || (step instanceof Step.Filter f && f.condition() instanceof Condition.Sql)
                    ? "the expression does not work: " : "";
            throw StepCheck.error(i, step, what + DuckMessages.clean(e), e);
        }
        return new Schema(cols);
    }
}
