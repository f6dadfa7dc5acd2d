package dev.osprey.core.wrangle;

import java.util.ArrayList;
import java.util.List;

import static dev.osprey.core.wrangle.SqlText.ident;

/**
 * The SQL of a join. Key columns appear once (for right and full joins the key is taken from whichever
 * side has it); a right column whose name is taken on the left gets the suffix {@code _right}.
 */
final class Joins {
    static final String SUFFIX = "_right";

    private Joins() {
    }

    static String join(Step.Join s, Schema left, Sources.Source right, String prev) {
        StringBuilder on = new StringBuilder();
        for (int i = 0; i < s.leftKeys().size(); i++) {
            on.append(i == 0 ? "" : " AND ").append("l.").append(ident(s.leftKeys().get(i))).append(" = r.")
                    .append(ident(s.rightKeys().get(i)));
        }
        String tables = " FROM " + prev + " l " + kind(s.kind()) + " JOIN (" + right.sql() + ") r ON " + on;
        if (s.kind() == Step.JoinKind.SEMI || s.kind() == Step.JoinKind.ANTI) {
            return "SELECT l.*" + tables;
        }
        boolean coalesceKeys = s.kind() == Step.JoinKind.RIGHT || s.kind() == Step.JoinKind.FULL;
        List<String> cols = new ArrayList<>();
        for (String n : left.names()) {
            int k = s.leftKeys().indexOf(n);
            if (k >= 0 && coalesceKeys) {
                cols.add("coalesce(l." + ident(n) + ", r." + ident(s.rightKeys().get(k)) + ") AS " + ident(n));
            } else {
                cols.add("l." + ident(n));
            }
        }
        for (String n : rightColumns(s, left, right)) {
            cols.add("r." + ident(n) + (left.has(n) ? " AS " + ident(n + SUFFIX) : ""));
        }
        return "SELECT " + String.join(", ", cols) + tables;
    }

    /** The right-hand columns the join adds: all but the keys that match a left key of the same name. */
    static List<String> rightColumns(Step.Join s, Schema left, Sources.Source right) {
        List<String> out = new ArrayList<>();
        for (String n : right.schema().names()) {
            int k = s.rightKeys().indexOf(n);
            if (k >= 0 && s.leftKeys().get(k).equals(n)) {
                continue;
            }
            out.add(n);
        }
        return out;
    }

    private static String kind(Step.JoinKind k) {
        return switch (k) {
            case INNER -> "INNER";
            case LEFT -> "LEFT";
            case RIGHT -> "RIGHT";
            case FULL -> "FULL OUTER";
            case SEMI -> "SEMI";
            case ANTI -> "ANTI";
        };
    }
}
