package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one step against the columns it receives, before any SQL runs: the columns exist, their
 * types fit, new columns do not clash. SQL expressions are checked later, by DuckDB, when compiled.
 */
final class StepCheck {
    private final int index;
    private final Step step;
    private final Schema in;

    private StepCheck(int index, Step step, Schema in) {
        this.index = index;
        this.step = step;
        this.in = in;
    }

    static void check(int index, Step step, Schema in, Sources sources) throws WrangleException {
        new StepCheck(index, step, in).run(sources);
    }

    static WrangleException error(int index, Step step, String message, Throwable cause) {
        return new WrangleException(index, "Step " + (index + 1) + " (" + step.label() + "): " + message, cause);
    }

    private WrangleException fail(String message) {
        return error(index, step, message, null);
    }

    private void run(Sources sources) throws WrangleException {
        switch (step) {
            case Step.SelectColumns s -> exist(s.columns());
            case Step.DropColumns s -> {
                exist(s.columns());
                if (s.columns().size() == in.columns().size()) {
                    throw fail("this would drop every column.");
                }
            }
            case Step.RenameColumn s -> {
                exist(s.column());
                if (!s.newName().equals(s.column())) {
                    fresh(s.newName());
                }
            }
            case Step.ReorderColumns s -> exist(s.first());
            case Step.CastColumn s -> exist(s.column());
            case Step.ParseDate s -> text(s.column());
            case Step.ExtractDatePart s -> {
                ColumnType t = exist(s.column()).type();
                if (t != ColumnType.DATE && t != ColumnType.TIMESTAMP) {
                    throw fail("column '" + s.column() + "' is " + t + "; it needs a date (parse it first).");
                }
                fresh(Names.datePart(s));
            }
            case Step.FillMissing s -> {
                Column c = exist(s.column());
                if (s.method() == Step.FillMethod.MEAN || s.method() == Step.FillMethod.MEDIAN) {
                    numeric(s.column());
                }
                if (s.method() == Step.FillMethod.CONSTANT && !Literals.fits(s.constant(), c.type())) {
                    throw fail("'" + s.constant() + "' is not " + Conditions.article(c.type()) + " value, which column '"
                            + c.name() + "' holds.");
                }
            }
            case Step.DropMissing s -> exist(s.columns());
            case Step.MissingIndicator s -> {
                exist(s.column());
                fresh(Names.indicator(s));
            }
            case Step.Filter s -> {
                List<String> problems = new ArrayList<>();
                Conditions.check(s.condition(), in, problems::add);
                if (!problems.isEmpty()) {
                    throw fail(problems.getFirst());
                }
            }
            case Step.RemoveDuplicates s -> exist(s.columns());
            case Step.ComputedColumn s -> {
                // DuckDB binds the expression at compile time
            }
            case Step.OneHotEncode s -> exist(s.column());
            case Step.OrdinalEncode s -> {
                exist(s.column());
                if (s.newColumn() != null && !s.newColumn().equals(s.column())) {
                    fresh(s.newColumn());
                }
            }
            case Step.Standardize s -> numeric(s.column());
            case Step.MinMaxScale s -> numeric(s.column());
            case Step.Bin s -> {
                numeric(s.column());
                fresh(Names.bin(s));
            }
            case Step.LogTransform s -> numeric(s.column());
            case Step.PowerTransform s -> numeric(s.column());
            case Step.ClipOutliers s -> numeric(s.column());
            case Step.TrimText s -> text(s.column());
            case Step.ChangeCase s -> text(s.column());
            case Step.RegexReplace s -> {
                text(s.column());
                try {
                    Pattern.compile(s.pattern());
                } catch (PatternSyntaxException e) {
                    throw fail("the pattern does not parse: " + e.getDescription() + " near position " + e.getIndex() + ".");
                }
            }
            case Step.SplitText s -> {
                text(s.column());
                for (String n : Names.split(s)) {
                    fresh(n);
                }
            }
            case Step.TextLength s -> {
                text(s.column());
                fresh(Names.length(s));
            }
            case Step.Join s -> join(s, sources);
            case Step.Concatenate s -> {
                if (sources.find(s.otherDataset()).isEmpty()) {
                    throw fail("there is no dataset '" + s.otherDataset() + "' in this workspace.");
                }
            }
            case Step.GroupBy s -> {
                exist(s.keys());
                for (Step.Aggregate a : s.aggregates()) {
                    if (a.column() != null) {
                        Column c = exist(a.column());
                        boolean needsNumber = switch (a.function()) {
                            case SUM, MEAN, MEDIAN, STD -> true;
                            default -> false;
                        };
                        if (needsNumber && !c.type().isNumeric()) {
                            throw fail(a.function() + " of column '" + c.name() + "' needs numbers; it is " + c.type() + ".");
                        }
                    }
                }
            }
            case Step.Sample s -> {
                if (s.stratifyBy() != null) {
                    exist(s.stratifyBy());
                }
            }
            case Step.TrainTestSplit s -> fresh(s.column());
            case Step.Balance s -> exist(s.column());
        }
    }

    private void join(Step.Join s, Sources sources) throws WrangleException {
        Sources.Source other = sources.find(s.otherDataset())
                .orElseThrow(() -> fail("there is no dataset '" + s.otherDataset() + "' in this workspace."));
        for (int i = 0; i < s.leftKeys().size(); i++) {
            Column left = exist(s.leftKeys().get(i));
            String rk = s.rightKeys().get(i);
            Column right = other.schema().find(rk).orElseThrow(() -> fail("in dataset '" + other.name() + "', "
                    + other.schema().missing(rk)));
            boolean compatible = left.type() == right.type() || (left.type().isNumeric() && right.type().isNumeric())
                    || (textual(left.type()) && textual(right.type()));
            if (!compatible) {
                throw fail("key '" + left.name() + "' is " + left.type() + " but '" + rk + "' in '" + other.name() + "' is "
                        + right.type() + "; cast one of them first.");
            }
        }
    }

    private void exist(List<String> names) throws WrangleException {
        for (String n : names) {
            exist(n);
        }
    }

    private Column exist(String name) throws WrangleException {
        return in.find(name).orElseThrow(() -> fail(in.missing(name)));
    }

    private void numeric(String name) throws WrangleException {
        Column c = exist(name);
        if (!c.type().isNumeric()) {
            throw fail("column '" + name + "' is " + c.type() + "; it needs numbers (cast it first).");
        }
    }

    private void text(String name) throws WrangleException {
        Column c = exist(name);
        if (!textual(c.type())) {
            throw fail("column '" + name + "' is " + c.type() + "; it needs text.");
        }
    }

    private void fresh(String name) throws WrangleException {
        if (in.has(name)) {
            throw fail("a column named '" + name + "' already exists; choose another name.");
        }
    }

    private static boolean textual(ColumnType t) {
        return t == ColumnType.TEXT || t == ColumnType.CATEGORY;
    }
}
