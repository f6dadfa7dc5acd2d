package dev.osprey.core.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whole CSV records as the file's bytes, split into fields on the scoring thread by a
 * {@link Cursor}. Fields are read straight from the bytes: a plain decimal becomes a double
 * without a String ({@link #NOT_PLAIN} otherwise, and the caller falls back to the text), an
 * empty unquoted or quoted field is missing (as DuckDB reads it), quoted text is unescaped.
 */
final class CsvBlock {
    /** What {@link Cursor#plainNumber} returns for text that is not a plain decimal. */
    static final double NOT_PLAIN = Double.NaN;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final byte[] data;
    private final int length;
    private final long firstLine;
    private final byte delimiter;
    private final int expectedFields;

    /**
     * The records in {@code data[0, length)}, the first on file line {@code firstLine};
     * {@code expectedFields} is the header's width (a hint for the field arrays; -1 when unknown).
     */
    CsvBlock(byte[] data, int length, long firstLine, byte delimiter, int expectedFields) {
        this.data = data;
        this.length = length;
        this.firstLine = firstLine;
        this.delimiter = delimiter;
        this.expectedFields = expectedFields;
    }

    byte delimiter() {
        return delimiter;
    }

    int bytes() {
        return length;
    }

    Cursor cursor() {
        return new Cursor();
    }

    /** Walks the records in order; the field accessors describe the current record. */
    final class Cursor {
        private int pos;
        private long line = firstLine;
        private long recordLine;
        private int recordStart;
        private int recordEnd;
        private boolean anyQuoted;
        private int fields;
        private int[] start = new int[Math.max(4, expectedFields + 1)];
        private int[] end = new int[start.length];
        private boolean[] quoted = new boolean[start.length];

        /** Moves to the next non-blank record; false at the end of the block. */
        boolean nextRecord() {
            while (pos < length) {
                readRecord();
                if (!(fields == 1 && start[0] == end[0] && !quoted[0])) {
                    return true; // a blank line is no row (DuckDB skips it too)
                }
            }
            return false;
        }

        private void readRecord() {
            recordLine = line;
            recordStart = pos;
            fields = 0;
            anyQuoted = false;
            int i = pos;
            int n = length;
            while (true) {
                if (fields == start.length) {
                    start = Arrays.copyOf(start, fields * 2);
                    end = Arrays.copyOf(end, fields * 2);
                    quoted = Arrays.copyOf(quoted, fields * 2);
                }
                boolean q = i < n && data[i] == '"';
                quoted[fields] = q;
                if (q) {
                    anyQuoted = true;
                    i++;
                    start[fields] = i;
                    while (i < n) {
                        byte c = data[i];
                        if (c == '"') {
                            if (i + 1 < n && data[i + 1] == '"') {
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        i++;
                    }
                    end[fields] = i;
                    if (i < n) {
                        i++; // the closing quote
                    }
                    while (i < n && data[i] != delimiter && data[i] != '\n') {
                        i++; // text after a closing quote belongs to no field (DuckDB would refuse it; here it is dropped)
                    }
                } else {
                    start[fields] = i;
                    while (i < n && data[i] != delimiter && data[i] != '\n') {
                        i++;
                    }
                    int e = i;
                    if (e > start[fields] && data[e - 1] == '\r' && (e == n || data[e] == '\n')) {
                        e--;
                    }
                    end[fields] = e;
                }
                fields++;
                if (i >= n) {
                    recordEnd = n;
                    pos = n;
                    return;
                }
                if (data[i] == '\n') {
                    line++;
                    recordEnd = i > recordStart && data[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    return;
                }
                i++; // the delimiter
            }
        }

        /** The file line the current record starts on (1 is the header). */
        long line() {
            return recordLine;
        }

        int fieldCount() {
            return fields;
        }

        /** Whether field {@code f} is missing: empty, quoted or not. */
        boolean isMissing(int f) {
            return start[f] == end[f];
        }

        boolean isQuoted(int f) {
            return quoted[f];
        }

        /** Whether the record's raw bytes hold no quoted field (so they can be copied as they are). */
        boolean isPlain() {
            return !anyQuoted;
        }

        /** The field's text (unescaped when quoted). */
        String text(int f) {
            String s = new String(data, start[f], end[f] - start[f], StandardCharsets.UTF_8);
            return quoted[f] ? s.replace("\"\"", "\"") : s;
        }

        /** The whole record as it is in the file, without its line break. */
        String raw() {
            return new String(data, recordStart, recordEnd - recordStart, StandardCharsets.UTF_8);
        }

        /**
         * The field as a double when it is a plain decimal ({@code -12}, {@code 3.25}, at most 18
         * digits, no exponent or spaces), exactly as {@link Double#parseDouble} reads it; else
         * {@link #NOT_PLAIN}.
         */
        double plainNumber(int f) {
            int i = start[f];
            int e = end[f];
            if (i == e || quoted[f]) {
                return NOT_PLAIN;
            }
            boolean negative = data[i] == '-';
            if (negative || data[i] == '+') {
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int fraction = -1;
            for (; i < e; i++) {
                int c = data[i];
                if (c >= '0' && c <= '9') {
                    if (++digits > 18) {
                        return NOT_PLAIN;
                    }
                    mantissa = mantissa * 10 + (c - '0');
                    if (fraction >= 0) {
                        fraction++;
                    }
                } else if (c == '.' && fraction < 0) {
                    fraction = 0;
                } else {
                    return NOT_PLAIN;
                }
            }
            if (digits == 0 || mantissa > (1L << 53)) {
                return NOT_PLAIN;
            }
            // Both exact in a double, so one correctly rounded division gives parseDouble's answer.
            double v = fraction <= 0 ? mantissa : mantissa / POW10[fraction];
            return negative ? -v : v;
        }
    }
}
