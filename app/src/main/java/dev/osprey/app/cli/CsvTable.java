package dev.osprey.app.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as text cells, for {@code predict}: read with DuckDB (comma-separated, or tab for
 * .tsv; RFC 4180 quotes; may be .gz) with every column as text, so the output repeats the input exactly and
 * the model's own encoding decides what a value means. An empty cell is null (a missing value).
 */
record CsvTable(List<String> header, List<String[]> rows) {
    static CsvTable read(Path file) throws CliException {
        String literal = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        // The dialect is fixed: left to guess, DuckDB's sniffer may drop leading lines as a preamble,
        // or read a file with one ragged row as a single column named "a,b".
        String delimiter = isTsv(file) ? "\\t" : ",";
        String sql = "SELECT * FROM read_csv(" + literal + ", header=true, all_varchar=true, skip=0, delim='" + delimiter
                + "', quote='\"', escape='\"', strict_mode=true, null_padding=false)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                header.add(md.getColumnLabel(i));
            }
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[header.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
            return new CsvTable(List.copyOf(header), rows);
        } catch (SQLException e) {
            String where = raggedLine(file, isTsv(file) ? '\t' : ',');
            throw new CliException("Cannot read " + file + " as CSV: " + (where != null ? where : firstLine(e.getMessage())),
                    ExitCodes.FAILURE, e);
        }
    }

    private static boolean isTsv(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".tsv") || n.endsWith(".tsv.gz") || n.endsWith(".tab");
    }

    /**
     * DuckDB names the line of a bad row only past its sniffing sample; this names it always:
     * the first line whose field count differs from the header's, or an unclosed quote.
     * Null when the file looks regular (the error is then something else) or cannot be read.
     */
    static String raggedLine(Path file, char delimiter) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            return null;
        }
        try (java.io.BufferedReader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            int expected = -1;
            long line = 0;
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                long start = line;
                int fields = 1;
                boolean quoted = false;
                while (true) {
                    for (int i = 0; i < text.length(); i++) {
                        char ch = text.charAt(i);
                        if (ch == '"') {
                            quoted = !quoted;
                        } else if (ch == delimiter && !quoted) {
                            fields++;
                        }
                    }
                    if (!quoted) {
                        break;
                    }
                    text = in.readLine();
                    if (text == null) {
                        return "line " + start + " opens a quote that is never closed.";
                    }
                    line++;
                }
                if (expected < 0) {
                    expected = fields;
                } else if (fields != expected) {
                    return "line " + start + " has " + fields + " fields, the header has " + expected + ".";
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes a header and rows as RFC 4180 CSV (fields quoted only when they need it; null as empty). */
    static void write(Writer out, List<String> header, Iterable<String[]> rows) throws IOException {
        writeRow(out, header.toArray(String[]::new));
        for (String[] r : rows) {
            writeRow(out, r);
        }
        out.flush();
    }

    private static void writeRow(Writer out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells[i]));
        }
        out.write('\n');
    }

    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        boolean needs = cell.isEmpty() ? false : cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
