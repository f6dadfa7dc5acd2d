package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnType;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Text, SQL and checks for filter conditions. */
final class Conditions {
    private Conditions() {
    }

    static String describe(Condition c) {
        return switch (c) {
            case Condition.Compare k -> switch (k.op()) {
                case IS_MISSING -> "'" + k.column() + "' is missing";
                case NOT_MISSING -> "'" + k.column() + "' is not missing";
                default -> "'" + k.column() + "' " + symbol(k.op()) + " " + k.value();
            };
            case Condition.And a -> a.all().stream().map(Conditions::describe).collect(Collectors.joining(" and ", "(", ")"));
            case Condition.Or o -> o.any().stream().map(Conditions::describe).collect(Collectors.joining(" or ", "(", ")"));
            case Condition.Not n -> "not " + describe(n.condition());
            case Condition.Sql s -> s.expression();
        };
    }

    private static String symbol(Condition.Op op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case CONTAINS -> "contains";
            case STARTS_WITH -> "starts with";
            case IS_MISSING, NOT_MISSING -> "";
        };
    }

    /** The SQL boolean expression; comparison values are typed literals of the column's type. */
    static String sql(Condition c, Schema schema) {
        return switch (c) {
            case Condition.Compare k -> compare(k, schema.get(k.column()));
            case Condition.And a -> a.all().stream().map(x -> sql(x, schema)).collect(Collectors.joining(" AND ", "(", ")"));
            case Condition.Or o -> o.any().stream().map(x -> sql(x, schema)).collect(Collectors.joining(" OR ", "(", ")"));
            case Condition.Not n -> "(NOT " + sql(n.condition(), schema) + ")";
            case Condition.Sql s -> "(" + s.expression() + ")";
        };
    }

    private static String compare(Condition.Compare k, Column col) {
        String id = SqlText.ident(k.column());
        return switch (k.op()) {
            case IS_MISSING -> id + " IS NULL";
            case NOT_MISSING -> id + " IS NOT NULL";
            case CONTAINS -> "contains(CAST(" + id + " AS VARCHAR), " + SqlText.literal(k.value()) + ")";
            case STARTS_WITH -> "starts_with(CAST(" + id + " AS VARCHAR), " + SqlText.literal(k.value()) + ")";
            default -> id + " " + symbol(k.op()) + " CAST(" + SqlText.literal(k.value().strip()) + " AS "
                    + col.type().sqlType() + ")";
        };
    }

    /** Checks every comparison's column and value; reports the first problem to {@code fail}. */
    static void check(Condition c, Schema schema, Consumer<String> fail) {
        switch (c) {
            case Condition.Compare k -> {
                Column col = schema.find(k.column()).orElse(null);
                if (col == null) {
                    fail.accept(schema.missing(k.column()));
                    return;
                }
                boolean ordered = switch (k.op()) {
                    case LT, LE, GT, GE, EQ, NE -> true;
                    default -> false;
                };
                if (ordered && !Literals.fits(k.value().strip(), col.type())) {
                    fail.accept("'" + k.value() + "' is not " + article(col.type()) + " value, which column '"
                            + col.name() + "' holds.");
                }
            }
            case Condition.And a -> a.all().forEach(x -> check(x, schema, fail));
            case Condition.Or o -> o.any().forEach(x -> check(x, schema, fail));
            case Condition.Not n -> check(n.condition(), schema, fail);
            case Condition.Sql s -> {
                // parsed and bound by DuckDB when the step is compiled
            }
        }
    }

    static String article(ColumnType t) {
        return switch (t) {
            case INTEGER -> "an integer";
            case DECIMAL -> "a number";
            case BOOLEAN -> "a true/false";
            case DATE -> "a date (yyyy-mm-dd)";
            case TIMESTAMP -> "a date-time (yyyy-mm-dd hh:mm:ss)";
            case CATEGORY, TEXT -> "a text";
        };
    }

    static List<String> columns(Condition c) {
        return switch (c) {
            case Condition.Compare k -> List.of(k.column());
            case Condition.And a -> a.all().stream().flatMap(x -> columns(x).stream()).toList();
            case Condition.Or o -> o.any().stream().flatMap(x -> columns(x).stream()).toList();
            case Condition.Not n -> columns(n.condition());
            case Condition.Sql s -> List.of();
        };
    }
}
