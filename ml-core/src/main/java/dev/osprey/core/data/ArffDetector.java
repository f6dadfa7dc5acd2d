package dev.osprey.core.data;

import dev.osprey.core.data.ReadOptions.SourceColumn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads an ARFF header (@relation, @attribute, @data) and describes its data section as a
 * DuckDB read_csv: explicit columns and types, '?' as missing, "'" as quote, nominal
 * attributes as ENUMs (so a value outside the declared list is an error).
 *
 * <p>DuckDB 2.0's {@code skip} does not count comment lines, and runs its quote state machine
 * over the lines it skips: a header line with a quoted value after a comma
 * ({@code {sunny, 'rainy day'}}) makes it silently drop rows. So the header is skipped one of
 * two ways: with {@code comment='%'} and a skip that counts only non-comment lines, or, when
 * the header has such quoted values, with {@code comment='@'} (every header line is then a
 * comment) after the leading % lines.
 */
final class ArffDetector {
    /** A quoted value after a delimiter: the shape that derails DuckDB's skip. */
    private static final java.util.regex.Pattern QUOTED_FIELD = java.util.regex.Pattern.compile(",\\s*'");

    private ArffDetector() {
    }

    static ReadOptions detect(Path file, FileProbe probe) throws ImportException, IOException {
        List<SourceColumn> columns = new ArrayList<>();
        int lineNo = 0;
        int leading = -1;
        int dataStart = -1;
        int nonComment = 0;
        boolean quoteInLead = false;
        boolean quoteInHeader = false;
        boolean commentAfterLead = false;
        String timestampFormat = null;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = probe.gzip() ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String l = line.strip();
                boolean comment = l.startsWith("%");
                boolean quoted = !comment && QUOTED_FIELD.matcher(l).find();
                if (dataStart < 0) {
                    nonComment += comment ? 0 : 1;
                    quoteInHeader |= quoted;
                    if (leading < 0 && l.startsWith("@")) {
                        leading = lineNo - 1;
                    }
                    if (leading < 0) {
                        quoteInLead |= QUOTED_FIELD.matcher(l).find();
                        if (!l.isEmpty() && !l.startsWith("%")) {
                            throw new ImportException("Line " + lineNo + ": an ARFF file starts with '@relation' (or % comments).", lineNo, null);
                        }
                        continue;
                    }
                    if (l.startsWith("%")) {
                        commentAfterLead = true;
                        continue;
                    }
                    String lower = l.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("@attribute")) {
                        SourceColumn col = attribute(l.substring("@attribute".length()).strip(), lineNo, timestampFormat);
                        if (col.sqlType().equals("TIMESTAMP") && timestampFormat == null) {
                            timestampFormat = dateFormat(l);
                        }
                        columns.add(col);
                    } else if (lower.startsWith("@data")) {
                        dataStart = lineNo;
                    } else if (!l.isEmpty() && !lower.startsWith("@relation")) {
                        throw new ImportException("Line " + lineNo + ": unexpected header line '" + shorten(l) + "'.", lineNo, null);
                    }
                } else if (!l.isEmpty() && !l.startsWith("%")) {
                    if (l.startsWith("{")) {
                        throw new ImportException("Line " + lineNo + ": this is a sparse ARFF file (rows written as"
                                + " {index value, ...}). Sparse ARFF is not supported; save it as dense ARFF or CSV.", lineNo, null);
                    }
                    break;
                }
            }
        }
        if (dataStart < 0) {
            throw new ImportException("This ARFF file has no @data line.");
        }
        if (columns.isEmpty()) {
            throw new ImportException("This ARFF file declares no @attribute.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!quoteInHeader) {
            params.put("skip", String.valueOf(nonComment));
            params.put("comment", "%");
        } else if (!quoteInLead && !commentAfterLead) {
            params.put("skip", String.valueOf(leading));
            params.put("comment", "@");
        } else {
            throw new ImportException("This ARFF header has quoted nominal values and % comment lines between its @ lines,"
                    + " which Osprey cannot read yet. Remove the % lines inside the header and import it again.");
        }
        params.put("header", "false");
        params.put("delim", ",");
        params.put("quote", "'");
        params.put("escape", "'");
        params.put("nullstr", "?");
        params.put("new_line", "\\n");
        if (timestampFormat != null) {
            params.put("timestampformat", timestampFormat);
        }
        params.put("compression", probe.gzip() ? "gzip" : "none");
        params.put("strict_mode", "true");
        params.put("null_padding", "false");
        return new ReadOptions(DataFormat.ARFF, params, columns);
    }

    private static SourceColumn attribute(String rest, int lineNo, String timestampFormat) throws ImportException {
        String name;
        String type;
        if (rest.startsWith("'") || rest.startsWith("\"")) {
            int end = rest.indexOf(rest.charAt(0), 1);
            if (end < 0) {
                throw new ImportException("Line " + lineNo + ": the attribute name is not closed.", lineNo, null);
            }
            name = rest.substring(1, end);
            type = rest.substring(end + 1).strip();
        } else {
            String[] parts = rest.split("\\s+", 2);
            name = parts[0];
            type = parts.length > 1 ? parts[1].strip() : "";
        }
        if (name.isBlank() || type.isEmpty()) {
            throw new ImportException("Line " + lineNo + ": an @attribute needs a name and a type.", lineNo, null);
        }
        if (type.startsWith("{")) {
            return new SourceColumn(name, nominal(type, lineNo));
        }
        String kind = type.split("\\s+")[0].toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "numeric", "real" -> new SourceColumn(name, "DOUBLE");
            case "integer" -> new SourceColumn(name, "BIGINT");
            case "string" -> new SourceColumn(name, "VARCHAR");
            // read_csv takes one timestamp format: a second date attribute with another format stays text.
            case "date" -> new SourceColumn(name, timestampFormat == null || timestampFormat.equals(dateFormat("@attribute x " + type))
                    ? "TIMESTAMP" : "VARCHAR");
            default -> throw new ImportException("Line " + lineNo + ": the attribute type '" + kind
                    + "' is not supported (numeric, real, integer, string, date and {nominal} are).", lineNo, null);
        };
    }

    private static String nominal(String type, int lineNo) throws ImportException {
        int close = type.lastIndexOf('}');
        if (close < 0) {
            throw new ImportException("Line " + lineNo + ": the list of nominal values is not closed with '}'.", lineNo, null);
        }
        Set<String> values = new LinkedHashSet<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        String body = type.substring(1, close);
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ',') {
                String v = cur.toString().strip();
                if (!v.isEmpty()) {
                    values.add(v);
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (values.isEmpty()) {
            return "VARCHAR";
        }
        StringBuilder sb = new StringBuilder("ENUM(");
        int i = 0;
        for (String v : values) {
            sb.append(i++ == 0 ? "" : ", ").append(Sql.literal(v));
        }
        return sb.append(')').toString();
    }

    /** The strftime pattern of a date attribute (ARFF's default is ISO-8601). */
    static String dateFormat(String attributeLine) {
        int q = attributeLine.toLowerCase(Locale.ROOT).lastIndexOf("date");
        String p = attributeLine.substring(q + 4).strip();
        if (p.length() >= 2 && (p.startsWith("\"") || p.startsWith("'"))) {
            p = p.substring(1, p.length() - 1);
        }
        if (p.isEmpty()) {
            p = "yyyy-MM-dd'T'HH:mm:ss";
        }
        return p.replace("''", "\u0001").replace("'", "")
                .replace("yyyy", "%Y").replace("yy", "%y").replace("MM", "%m").replace("dd", "%d")
                .replace("HH", "%H").replace("mm", "%M").replace("ss", "%S").replace("SSS", "%g")
                .replace("\u0001", "'");
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
