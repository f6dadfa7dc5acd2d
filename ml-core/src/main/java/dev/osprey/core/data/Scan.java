package dev.osprey.core.data;

import dev.osprey.core.data.ReadOptions.SourceColumn;
import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

/**
 * The one pass over every row at import. Every column is projected (so each value is parsed,
 * converted and checked: DuckDB skips conversion for columns a query does not use), and the
 * same query counts rows, missing values and approximate distinct values.
 */
final class Scan {
    /** Columns named like an identifier get an exact distinct count while that stays cheap. */
    static final Pattern ID_NAME = Pattern.compile("(?i:id|.*[_ .-]id)|.*[a-z0-9](Id|ID)");
    // An exact count(DISTINCT) is a hash aggregate over every row: 0.8 s of a 2.4 s import of 400 MB.
    // Small files get it (nearly free there); larger ones use HyperLogLog, within a few percent.
    private static final long EXACT_DISTINCT_MAX_BYTES = 16L * 1024 * 1024;
    private static final int MAX_WIDENINGS = 64;

    /** What the pass counted; {@code exactDistinct[i]} is -1 when not counted exactly. */
    record Stats(long rows, long[] missing, long[] approxDistinct, long[] exactDistinct) {
    }

    record Result(ReadOptions options, Stats stats) {
    }

    private Scan() {
    }

    static boolean idLike(String name) {
        return ID_NAME.matcher(name).matches();
    }

    /**
     * Runs the pass. For sniffed formats (CSV, TSV) a value that does not fit the type the
     * sniffer chose from its sample widens that column (integer to decimal, else text) and the
     * pass runs again; for declared types (ARFF, JSON, Parquet) it is an error.
     */
    static Result run(DuckDBConnection c, ReadOptions options, Path file, long sizeBytes, JobContext context,
                      DoubleConsumer progress) throws ImportException {
        ReadOptions current = options;
        boolean widen = options.format() == DataFormat.CSV || options.format() == DataFormat.TSV;
        for (int attempt = 0; ; attempt++) {
            try {
                boolean[] fractional = new boolean[current.columns().size()];
                Stats stats = once(c, current, file, sizeBytes, context, progress, widen, fractional);
                return new Result(settle(current, fractional), stats);
            } catch (SQLException e) {
                Optional<DuckErrors.ConversionFailure> f = DuckErrors.conversionFailure(e);
                if (!widen || f.isEmpty() || attempt >= MAX_WIDENINGS) {
                    throw DuckErrors.translate(e, options.format());
                }
                current = widened(current, f.get(), e, options.format());
                context.log("Column '" + f.get().column() + "' has \"" + f.get().value() + "\" on line " + f.get().line()
                        + "; reading it as " + current.column(f.get().column()).sqlType() + " and checking again.");
            }
        }
    }

    private static ReadOptions widened(ReadOptions o, DuckErrors.ConversionFailure f, SQLException e, DataFormat format)
            throws ImportException {
        List<SourceColumn> cols = new ArrayList<>();
        boolean found = false;
        for (SourceColumn col : o.columns()) {
            if (col.name().equals(f.column()) && !col.sqlType().equals("VARCHAR")) {
                found = true;
                boolean numeric = isNumber(f.value()) && isInteger(col.sqlType());
                cols.add(new SourceColumn(col.name(), numeric ? "DOUBLE" : "VARCHAR"));
            } else {
                cols.add(col);
            }
        }
        if (!found) {
            throw DuckErrors.translate(e, format);
        }
        return o.withColumns(cols);
    }

    private static boolean isInteger(String sqlType) {
        return sqlType.endsWith("INT") || sqlType.equals("BIGINT") || sqlType.equals("INTEGER");
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** Integer columns in which a fraction was found are read as DOUBLE from now on. */
    private static ReadOptions settle(ReadOptions o, boolean[] fractional) {
        List<SourceColumn> cols = new ArrayList<>();
        for (int i = 0; i < fractional.length; i++) {
            SourceColumn col = o.columns().get(i);
            cols.add(fractional[i] ? new SourceColumn(col.name(), "DOUBLE") : col);
        }
        return o.withColumns(cols);
    }

    /**
     * One pass. With {@code probeIntegers}, sniffed integer columns are read as DOUBLE and checked
     * for fractions: DuckDB would otherwise round "1.5" into an integer column without a word.
     */
    private static Stats once(DuckDBConnection c, ReadOptions o, Path file, long sizeBytes, JobContext context,
                              DoubleConsumer progress, boolean probeIntegers, boolean[] fractional) throws SQLException {
        List<SourceColumn> cols = o.columns();
        int n = cols.size();
        boolean[] exact = new boolean[n];
        boolean[] probed = new boolean[n];
        List<SourceColumn> scanCols = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (int i = 0; i < n; i++) {
            String id = Sql.ident(cols.get(i).name());
            probed[i] = probeIntegers && isInteger(cols.get(i).sqlType());
            scanCols.add(probed[i] ? new SourceColumn(cols.get(i).name(), "DOUBLE") : cols.get(i));
            sql.append(", count(").append(id).append("), approx_count_distinct(").append(id).append(')');
            exact[i] = idLike(cols.get(i).name()) && sizeBytes <= EXACT_DISTINCT_MAX_BYTES;
            if (exact[i]) {
                sql.append(", count(DISTINCT ").append(id).append(')');
            }
            if (probed[i]) {
                sql.append(", count_if(").append(id).append(" <> trunc(").append(id).append("))");
            }
        }
        sql.append(" FROM ").append(o.withColumns(scanCols).tableFunction(file));
        return Query.run(c, sql.toString(), context, progress, rs -> {
            rs.next();
            long rows = rs.getLong(1);
            long[] missing = new long[n];
            long[] approx = new long[n];
            long[] exactDistinct = new long[n];
            int k = 2;
            for (int i = 0; i < n; i++) {
                missing[i] = rows - rs.getLong(k++);
                approx[i] = rs.getLong(k++);
                exactDistinct[i] = exact[i] ? rs.getLong(k++) : -1;
                fractional[i] = probed[i] && rs.getLong(k++) > 0;
            }
            return new Stats(rows, missing, approx, exactDistinct);
        });
    }
}
