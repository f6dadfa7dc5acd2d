package dev.osprey.core.data;

import dev.osprey.core.data.ReadOptions.SourceColumn;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out how a CSV or TSV file is laid out. The delimiter comes from the first line (so a
 * ragged row later on is reported as such, not "solved" by the sniffer picking another
 * delimiter); DuckDB's sniffer then finds quoting, header and column types from a sample. It may
 * not skip lines: given "a,b / 1,2 / 3,4 / 5,6,7,8" it would otherwise call the first three lines
 * a preamble and silently drop two rows of data.
 */
final class CsvDetector {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final Set<String> NEW_LINES = Set.of("\\n", "\\r", "\\r\\n");

    private CsvDetector() {
    }

    static ReadOptions detect(DuckDBConnection c, Path file, DataFormat format, FileProbe probe) throws ImportException {
        String first = probe.firstLine();
        char delim = delimiter(format, first);
        String compression = probe.gzip() ? "gzip" : "none";
        String sniffArgs = Sql.literal(file.toAbsolutePath().toString()) + ", delim=" + Sql.literal(String.valueOf(delim))
                + ", strict_mode=true, skip=0, compression=" + Sql.literal(compression);
        Map<String, String> params = new LinkedHashMap<>();
        List<SourceColumn> columns = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT Quote, Escape, NewLineDelimiter, Comment, SkipRows, HasHeader,"
                    + " DateFormat, TimestampFormat FROM sniff_csv(" + sniffArgs + ")")) {
                rs.next();
                String quote = orEmpty(rs.getString(1));
                String escape = orEmpty(rs.getString(2));
                // No quote seen in the sample: still honour standard CSV quoting further down the file.
                if (quote.isEmpty() && format == DataFormat.CSV) {
                    quote = "\"";
                    escape = "\"";
                }
                params.put("delim", String.valueOf(delim));
                params.put("quote", quote);
                params.put("escape", escape);
                String nl = orEmpty(rs.getString(3));
                if (NEW_LINES.contains(nl)) {
                    params.put("new_line", nl);
                }
                String comment = orEmpty(rs.getString(4));
                if (!comment.isEmpty()) {
                    params.put("comment", comment);
                }
                params.put("skip", String.valueOf(rs.getLong(5)));
                params.put("header", String.valueOf(rs.getBoolean(6)));
                putIfPresent(params, "dateformat", rs.getString(7));
                putIfPresent(params, "timestampformat", rs.getString(8));
                params.put("compression", compression);
                params.put("strict_mode", "true");
                params.put("null_padding", "false");
            }
            try (ResultSet rs = st.executeQuery("SELECT c.name, c.type FROM (SELECT unnest(Columns) AS c FROM sniff_csv("
                    + sniffArgs + "))")) {
                while (rs.next()) {
                    columns.add(new SourceColumn(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw locate(c, file, format, delim, compression, first, e);
        }
        if (columns.isEmpty()) {
            throw new ImportException("No columns were found in the file.");
        }
        return new ReadOptions(format, params, columns);
    }

    /** The delimiter; a TSV that has no tab but commas is refused with a hint. */
    static char delimiter(DataFormat format, String firstLine) throws ImportException {
        if (format == DataFormat.TSV) {
            if (firstLine.indexOf('\t') < 0) {
                for (char other : new char[] {',', ';', '|'}) {
                    if (FileProbe.count(firstLine, other) > 0) {
                        String hint = other == ',' ? "Import it as CSV instead." : "Import it as CSV (the delimiter '"
                                + other + "' is detected).";
                        throw new ImportException("Line 1: the file is not tab-separated; its values are separated by '"
                                + other + "'. " + hint, 1, null);
                    }
                }
            }
            return '\t';
        }
        char best = ',';
        int bestCount = 0;
        for (char cand : CANDIDATES) {
            int n = FileProbe.count(firstLine, cand);
            if (n > bestCount) {
                best = cand;
                bestCount = n;
            }
        }
        return best;
    }

    /**
     * The sniffer failed (usually a ragged row or bad bytes inside its sample). A strict read of
     * every field as text names the line that breaks the layout.
     */
    private static ImportException locate(DuckDBConnection c, Path file, DataFormat format, char delim, String compression,
                                          String first, SQLException sniffError) {
        int fields = FileProbe.count(first, delim) + 1;
        StringBuilder cols = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            cols.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
            counts.append(i == 0 ? "" : ", ").append("count(c").append(i).append(')');
        }
        String sql = "SELECT " + counts + " FROM read_csv(" + Sql.literal(file.toAbsolutePath().toString())
                + ", auto_detect=false, header=false, strict_mode=true, null_padding=false, delim="
                + Sql.literal(String.valueOf(delim)) + ", quote='\"', escape='\"', compression=" + Sql.literal(compression)
                + ", columns={" + cols + "})";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
        } catch (SQLException e) {
            return DuckErrors.translate(e, format);
        }
        return DuckErrors.translate(sniffError, format);
    }

    private static void putIfPresent(Map<String, String> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, value);
        }
    }

    /** The sniffer writes "(empty)" for "none". */
    private static String orEmpty(String s) {
        return s == null || s.equals("(empty)") ? "" : s;
    }
}
