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

    /** The array the records are in (from index 0 to {@link #bytes()}). */
    byte[] data() {
        return data;
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
        /** An unquoted field's value when it is a plain decimal (read while splitting), else {@link #NOT_PLAIN}. */
        private double[] number = new double[start.length];

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
                    number = Arrays.copyOf(number, fields * 2);
                }
                boolean q = i < n && data[i] == '"';
                quoted[fields] = q;
                i = q ? quoted(i, n) : unquoted(i, n);
                fields++;
                if (i >= n) {
                    recordEnd = n > recordStart && data[n - 1] == '\r' ? n - 1 : n; // a CR ending the file's last line
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

        /** Splits the quoted field whose opening quote is at {@code i} (kept apart so the common path stays small enough to inline). */
        private int quoted(int i, int n) {
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
            number[fields] = NOT_PLAIN;
            return i;
        }

        /**
         * Splits the unquoted field starting at {@code i} and, in the same pass, reads it as a plain
         * decimal ({@code -12}, {@code 3.25}, {@code +.5}: at most 18 digits, no exponent or spaces)
         * exactly as {@link Double#parseDouble} reads it; returns the index of the byte that ends it.
         */
        private int unquoted(int i, int n) {
            // The common case first: unsigned digits, at most one point, ended by the delimiter, a LF or the block's end.
            byte[] d = data;
            int from = i;
            long mantissa = 0;
            for (int c; i < n && (c = d[i] - '0') >= 0 && c <= 9; i++) {
                mantissa = mantissa * 10 + c;
            }
            int point = i;
            if (i < n && d[i] == '.') {
                for (i++; i < n && d[i] >= '0' && d[i] <= '9'; i++) {
                    mantissa = mantissa * 10 + (d[i] - '0');
                }
            }
            int digits = i - from - (point < i ? 1 : 0);
            if ((i == n || d[i] == delimiter || d[i] == '\n') && digits > 0 && digits <= 18 && mantissa <= 1L << 53) {
                start[fields] = from;
                end[fields] = i;
                int fraction = point < i ? i - point - 1 : 0;
                // Both exact in a double, so one correctly rounded division gives parseDouble's answer.
                number[fields] = fraction == 0 ? mantissa : mantissa / POW10[fraction];
                return i;
            }
            return unusual(from, n);
        }

        /** {@link #unquoted} for any other field: a sign, a CR before the LF, or text that is no plain decimal. */
        private int unusual(int i, int n) {
            start[fields] = i;
            boolean negative = false;
            if (i < n && (data[i] == '-' || data[i] == '+')) {
                negative = data[i] == '-';
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int point = -1;
            boolean plain = true;
            for (; i < n; i++) {
                byte c = data[i];
                int d = c - '0';
                if (d >= 0 && d <= 9) {
                    mantissa = mantissa * 10 + d;
                    digits++;
                } else if (c == delimiter || c == '\n') {
                    break;
                } else if (c == '.' && point < 0) {
                    point = digits;
                } else if (c != '\r' || i + 1 < n && data[i + 1] != '\n') {
                    plain = false; // a CR counts only when it ends the line
                    if (c == '"' || c == '\r') {
                        anyQuoted = true; // written out, this field needs quotes: the raw record cannot be copied
                    }
                }
            }
            int e = i;
            if (e > start[fields] && data[e - 1] == '\r' && (e == n || data[e] == '\n')) {
                e--;
            }
            end[fields] = e;
            double v = NOT_PLAIN;
            if (plain && digits > 0 && digits <= 18 && mantissa <= 1L << 53) {
                // Both exact in a double, so one correctly rounded division gives parseDouble's answer.
                int fraction = point < 0 ? 0 : digits - point;
                v = fraction == 0 ? mantissa : mantissa / POW10[fraction];
                v = negative ? -v : v;
            }
            number[fields] = v;
            return i;
        }

        /** The line the current record starts on, counted from the block's first line. */
        long line() {
            return recordLine;
        }

        /** The line breaks the cursor has passed so far (quoted ones and blank lines too). */
        long linesPassed() {
            return line - firstLine;
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

        /**
         * Whether the record's raw bytes hold no quoted field and no field that would need quoting
         * (a quote or a lone CR inside unquoted text), so they can be copied as they are.
         */
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
            return number[f];
        }
    }
}
