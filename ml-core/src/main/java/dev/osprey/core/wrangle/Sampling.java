package dev.osprey.core.wrangle;

import static dev.osprey.core.wrangle.SqlText.ident;
import static dev.osprey.core.wrangle.SqlText.idents;

/**
 * Sampling, splitting and balancing. Randomness is a hash of the row's values and the seed, so the same
 * seed gives the same rows however many threads DuckDB uses (identical rows always go together).
 */
final class Sampling {
    /** The hash is reduced to a whole number in [0, SCALE). */
    static final long SCALE = 1_000_000;

    private Sampling() {
    }

    /** A pseudo-random whole number in [0, SCALE) for each row. */
    static String unit(Schema in, long seed) {
        return "CAST(hash(" + idents(in.names()) + ", CAST(" + seed + " AS BIGINT)) % " + SCALE + " AS BIGINT)";
    }

    static long threshold(double fraction) {
        return Math.round(fraction * SCALE);
    }

    static String sample(Step.Sample s, Schema in, String from) {
        String order = "hash(" + idents(in.names()) + ", CAST(" + s.seed() + " AS BIGINT))";
        return switch (s.method()) {
            case FIRST_ROWS -> "SELECT *" + from + " LIMIT " + s.rows();
            case RANDOM -> s.rows() > 0 ? "SELECT *" + from + " ORDER BY " + order + " LIMIT " + s.rows()
                    : "SELECT *" + from + " WHERE " + unit(in, s.seed()) + " < " + threshold(s.fraction());
            case STRATIFIED -> "SELECT *" + from + " QUALIFY row_number() OVER (PARTITION BY " + ident(s.stratifyBy())
                    + " ORDER BY " + order + ") <= ceil(" + s.fraction() + " * count(*) OVER (PARTITION BY "
                    + ident(s.stratifyBy()) + "))";
        };
    }

    /**
     * Under-sampling keeps, of each class, as many rows as the smallest class has; over-sampling repeats
     * each class's rows (whole copies, then the first rows by hash order) up to the largest class's count.
     */
    static String balance(Step.Balance s, Schema in, String prev) {
        String c = ident(s.column());
        String order = "hash(" + idents(in.names()) + ", CAST(" + s.seed() + " AS BIGINT))";
        String numbered = "SELECT *, row_number() OVER (PARTITION BY " + c + " ORDER BY " + order + ") AS __osp_rn, "
                + "count(*) OVER (PARTITION BY " + c + ") AS __osp_n FROM " + prev;
        String cols = idents(in.names());
        if (s.method() == Step.BalanceMethod.UNDERSAMPLE) {
            return "SELECT " + cols + " FROM (" + numbered + ") QUALIFY __osp_rn <= min(__osp_n) OVER ()";
        }
        String reps = "SELECT *, (__osp_m // __osp_n) + CASE WHEN __osp_rn <= __osp_m % __osp_n THEN 1 ELSE 0 END AS __osp_reps"
                + " FROM (SELECT *, max(__osp_n) OVER () AS __osp_m FROM (" + numbered + "))";
        StringBuilder sel = new StringBuilder();
        for (String n : in.names()) {
            sel.append(sel.isEmpty() ? "" : ", ").append("t.").append(ident(n));
        }
        return "SELECT " + sel + " FROM (" + reps + ") t, range(t.__osp_reps)";
    }
}
