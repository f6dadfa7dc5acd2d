package dev.osprey.core.wrangle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The default names of the columns steps add. */
final class Names {
    private Names() {
    }

    static String datePart(Step.ExtractDatePart s) {
        return s.newColumn() != null ? s.newColumn() : s.column() + "_" + s.part().name().toLowerCase(Locale.ROOT);
    }

    static String indicator(Step.MissingIndicator s) {
        return s.newColumn() != null ? s.newColumn() : s.column() + "_missing";
    }

    static String bin(Step.Bin s) {
        return s.newColumn() != null ? s.newColumn() : s.column() + "_bin";
    }

    static String length(Step.TextLength s) {
        return s.newColumn() != null ? s.newColumn() : s.column() + "_length";
    }

    static String ordinal(Step.OrdinalEncode s) {
        return s.newColumn() != null ? s.newColumn() : s.column();
    }

    static List<String> split(Step.SplitText s) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= s.parts(); i++) {
            out.add(s.column() + "_" + i);
        }
        return out;
    }

    static String oneHot(String column, String category) {
        return column + "_" + (category == null ? "missing" : category);
    }

    static String aggregate(Step.Aggregate a) {
        if (a.as() != null && !a.as().isBlank()) {
            return a.as();
        }
        String fn = a.function().name().toLowerCase(Locale.ROOT);
        return a.column() == null ? fn : fn + "_" + a.column();
    }
}
