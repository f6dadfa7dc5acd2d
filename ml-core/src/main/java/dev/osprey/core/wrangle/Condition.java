package dev.osprey.core.wrangle;

import java.util.List;
import java.util.Objects;

/** The row condition of a {@link Step.Filter}: built from comparisons, or typed as a SQL expression. */
public sealed interface Condition extends java.io.Serializable {

    enum Op { EQ, NE, LT, LE, GT, GE, IS_MISSING, NOT_MISSING, CONTAINS, STARTS_WITH }

    /** {@code column op value}; the value is text and is read as the column's type. */
    record Compare(String column, Op op, String value) implements Condition {
        public Compare {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(op, "op");
            if (value == null && op != Op.IS_MISSING && op != Op.NOT_MISSING) {
                throw new IllegalArgumentException("The comparison " + op + " on '" + column + "' needs a value.");
            }
        }
    }

    record And(List<Condition> all) implements Condition {
        public And {
            all = nonEmpty(all);
        }
    }

    record Or(List<Condition> any) implements Condition {
        public Or {
            any = nonEmpty(any);
        }
    }

    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** A DuckDB SQL boolean expression over the current columns. */
    record Sql(String expression) implements Condition {
        public Sql {
            if (expression == null || expression.isBlank()) {
                throw new IllegalArgumentException("A filter expression cannot be empty.");
            }
        }
    }

    private static List<Condition> nonEmpty(List<Condition> list) {
        List<Condition> copy = List.copyOf(list);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("A condition group needs at least one condition.");
        }
        return copy;
    }
}
