package dev.osprey.core.data;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's long error text into the short plain message a user can act on
 * ("Line 5: expected 3 fields, found 4"), keeping the original as the cause.
 */
final class DuckErrors {
    private static final Pattern LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern COLUMNS = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
    private static final Pattern CONVERT = Pattern.compile(
            "Error when converting column \"(.*?)\"\\. Could not convert string \"(.*?)\" to '([^']+)'");
    private static final Pattern JSON = Pattern.compile(
            "Malformed JSON in file \".*?\", at byte (\\d+) in (line|record/value) (\\d+): ([^.]*)");

    /** A value the sniffed type of its column cannot hold, found after the sniffer's sample. */
    record ConversionFailure(String column, String value, String type, long line) {
    }

    private DuckErrors() {
    }

    static Optional<ConversionFailure> conversionFailure(SQLException e) {
        String m = String.valueOf(e.getMessage());
        Matcher c = CONVERT.matcher(m);
        if (!c.find()) {
            return Optional.empty();
        }
        return Optional.of(new ConversionFailure(c.group(1), c.group(2), c.group(3), line(m)));
    }

    static ImportException translate(SQLException e, DataFormat format) {
        String m = String.valueOf(e.getMessage());
        long line = line(m);
        String where = line > 0 ? "Line " + line + ": " : "";
        Matcher cols = COLUMNS.matcher(m);
        if (cols.find()) {
            long expected = Long.parseLong(cols.group(1));
            long found = Long.parseLong(cols.group(2));
            // DuckDB stops counting one field past the expected number, so a longer row only says "more".
            String foundText = found > expected ? "more than " + expected : String.valueOf(found);
            return new ImportException(where + "expected " + expected + " fields, found " + foundText + ".", line, e);
        }
        if (m.contains("Invalid unicode")) {
            return new ImportException(where + "the text is not valid UTF-8. Save the file as UTF-8"
                    + " (it may be in another encoding, such as Windows-1252 or UTF-16).", line, e);
        }
        if (m.contains("unterminated quote")) {
            return new ImportException(where + "a quoted value is not closed.", line, e);
        }
        Optional<ConversionFailure> conv = conversionFailure(e);
        if (conv.isPresent()) {
            ConversionFailure f = conv.get();
            String type = f.type().startsWith("ENUM") ? "one of the declared values" : "a " + f.type() + " value";
            return new ImportException(where + "in column '" + f.column() + "', \"" + f.value() + "\" is not " + type + ".", line, e);
        }
        Matcher json = JSON.matcher(m);
        if (json.find()) {
            // DuckDB 2.0 counts the line/record after the broken one; name the broken one.
            long n = Math.max(1, Long.parseLong(json.group(3)) - 1);
            String reason = json.group(4).strip();
            if (json.group(2).equals("line")) {
                return new ImportException("Line " + n + ": malformed JSON (" + reason + ").", n, e);
            }
            return new ImportException("Record " + n + ": malformed JSON (" + reason + ").", -1, e);
        }
        if (m.contains("Maximum line size")) {
            return new ImportException(where + "the line is too long; is this really a " + format.label() + " file?", line, e);
        }
        if (m.contains("It was not possible to automatically detect the CSV parsing dialect")) {
            return new ImportException("Cannot work out how this " + format.label()
                    + " file is laid out (its rows do not split into the same number of fields).", -1, e);
        }
        return new ImportException(firstLine(m), line, e);
    }

    static long line(String message) {
        Matcher l = LINE.matcher(message);
        return l.find() ? Long.parseLong(l.group(1)) : -1;
    }

    /** DuckDB's first line, without its error-class prefix. */
    static String firstLine(String message) {
        String first = message.lines().findFirst().orElse(message).strip();
        return first.replaceFirst("^[A-Za-z ]+ Error: ", "");
    }
}
