package dev.osprey.core.wrangle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.osprey.core.wrangle.SqlText.ident;

/**
 * Learns a fitted step's constants from the rows that reach it: a query over the recipe so far
 * ({@code with} is the WITH clause, {@code rel} the step's input relation). Plain numeric aggregates
 * are in {@link Aggregates}; modes and category lists are grouped queries here.
 */
final class Fitter {
    /** One-hot makes one column per category; past this the user wants ordinal encoding. */
    static final int MAX_ONE_HOT = 100;
    static final int MAX_ORDINAL = 100_000;

    private Fitter() {
    }

    static StepFit fit(Statements c, int index, Step step, String with, String rel) throws WrangleException, SQLException {
        if (Aggregates.column(step).isPresent()) {
            return Aggregates.fit(c, with, rel, Map.of(index, step)).get(index);
        }
        String from = " FROM " + rel;
        return switch (step) {
            case Step.FillMissing s when s.method() == Step.FillMethod.MODE -> {
                List<String> top = texts(c, with + "SELECT CAST(" + ident(s.column()) + " AS VARCHAR)" + from + " WHERE "
                        + ident(s.column()) + " IS NOT NULL GROUP BY " + ident(s.column()) + " ORDER BY count(*) DESC, "
                        + ident(s.column()) + " LIMIT 1");
                yield new StepFit.Fill(null, top.isEmpty() ? null : top.getFirst());
            }
            case Step.OneHotEncode s -> {
                List<String> cats = categories(c, with, from, s.column(), MAX_ONE_HOT + 1);
                if (cats.size() > MAX_ONE_HOT) {
                    throw StepCheck.error(index, step, "column '" + s.column() + "' has more than " + MAX_ONE_HOT
                            + " different values; one-hot encoding would add that many columns. Use ordinal encoding.", null);
                }
                yield new StepFit.Categories(cats);
            }
            case Step.OrdinalEncode s -> {
                List<String> cats = categories(c, with, from, s.column(), MAX_ORDINAL + 1);
                if (cats.size() > MAX_ORDINAL) {
                    throw StepCheck.error(index, step, "column '" + s.column() + "' has more than " + MAX_ORDINAL
                            + " different values.", null);
                }
                yield new StepFit.Categories(cats);
            }
            default -> null;
        };
    }

    private static List<String> categories(Statements c, String with, String from, String column, int limit) throws SQLException {
        return texts(c, with + "SELECT CAST(" + ident(column) + " AS VARCHAR)" + from + " WHERE " + ident(column)
                + " IS NOT NULL GROUP BY " + ident(column) + " ORDER BY " + ident(column) + " LIMIT " + limit);
    }

    private static List<String> texts(Statements c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.create(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
