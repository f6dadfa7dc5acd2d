package dev.osprey.server;

import dev.osprey.server.http.HttpStatusException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a {@code text/csv} body: no header, one row per line, the columns in signature order,
 * RFC 4180 quoting. Empty lines are skipped; a first line that is exactly the input names is
 * taken as a header and skipped too, since users often paste one. Parsing works on the bytes
 * (a single row is the hot path of the server).
 */
final class CsvRows {
    private CsvRows() {
    }

    static List<Object[]> parse(byte[] body, int length, LoadedModel m) throws HttpStatusException {
        List<Object[]> rows = new ArrayList<>(4);
        List<String> cells = new ArrayList<>(m.width() + 1);
        int i = 0;
        int line = 0;
        while (i < length) {
            cells.clear();
            i = readLine(body, i, length, cells);
            line++;
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue;
            }
            if (rows.isEmpty() && isHeader(cells, m)) {
                continue;
            }
            if (cells.size() != m.width()) {
                throw new HttpStatusException(400, "Row " + line + " has " + cells.size() + " value" + (cells.size() == 1 ? "" : "s")
                        + "; the model " + m + " expects " + m.width() + " (" + m.columnList() + ").");
            }
            Object[] row = new Object[cells.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = Cells.fromText(cells.get(c), m, c, line);
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean isHeader(List<String> cells, LoadedModel m) {
        if (cells.size() != m.width()) {
            return false;
        }
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).strip().equals(m.inputNames()[c])) {
                return false;
            }
        }
        return true;
    }

    /** Reads one record starting at {@code i} into {@code cells}; returns the index after its line end. */
    private static int readLine(byte[] b, int i, int n, List<String> cells) throws HttpStatusException {
        int start = i;
        boolean quoted = false;
        StringBuilder q = null;
        while (true) {
            if (i >= n || b[i] == '\n' || (b[i] == '\r' && (i + 1 >= n || b[i + 1] == '\n'))) {
                cells.add(quoted ? q.toString() : text(b, start, i));
                if (i >= n) {
                    return n;
                }
                return b[i] == '\r' ? i + 2 : i + 1;
            }
            if (b[i] == ',') {
                cells.add(quoted ? q.toString() : text(b, start, i));
                quoted = false;
                start = ++i;
                continue;
            }
            if (b[i] == '"' && i == start && !quoted) {
                quoted = true;
                q = new StringBuilder();
                int j = i + 1;
                int from = j;
                while (true) {
                    if (j >= n) {
                        throw new HttpStatusException(400, "A quoted CSV value is not closed (a '\"' is missing).");
                    }
                    if (b[j] == '"') {
                        q.append(new String(b, from, j - from, StandardCharsets.UTF_8));
                        if (j + 1 < n && b[j + 1] == '"') {
                            q.append('"');
                            j += 2;
                            from = j;
                            continue;
                        }
                        j++;
                        break;
                    }
                    j++;
                }
                i = j;
                if (i < n && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
                    throw new HttpStatusException(400, "Unexpected text after a quoted CSV value; quote the whole value.");
                }
                continue;
            }
            if (quoted) {
                throw new HttpStatusException(400, "Unexpected text after a quoted CSV value; quote the whole value.");
            }
            i++;
        }
    }

    private static String text(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return new String(b, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
