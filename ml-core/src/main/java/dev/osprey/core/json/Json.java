package dev.osprey.core.json;

import java.util.Collection;
import java.util.Map;

/**
 * The JSON Osprey writes into its own files (catalog columns, model.json): objects, arrays,
 * strings, numbers, booleans and null, with no extra dependency. Objects read back as
 * insertion-ordered maps, whole numbers as {@code Long}, other numbers as {@code Double}.
 * Non-finite numbers are written as null; other non-JSON values as their string form.
 */
public final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** Compact JSON on one line. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1);
        return sb.toString();
    }

    /** Indented JSON (two spaces, arrays on one line) ending in a newline, for files people read. */
    public static String writePretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    /**
     * Parses JSON text.
     *
     * @throws IllegalArgumentException naming the position and what was wrong
     */
    public static Object parse(String text) {
        return JsonParser.parse(text);
    }

    /** {@code indent < 0} writes compactly. */
    private static void write(StringBuilder sb, Object v, int indent) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> appendString(sb, s);
            case Boolean b -> sb.append(b);
            case Double d when !Double.isFinite(d) -> sb.append("null");
            case Float f when !Float.isFinite(f) -> sb.append("null");
            case Number n -> sb.append(n);
            case Map<?, ?> m -> object(sb, m, indent);
            case Collection<?> c -> {
                sb.append('[');
                int i = 0;
                for (Object o : c) {
                    if (i++ > 0) {
                        sb.append(indent < 0 ? "," : ", ");
                    }
                    write(sb, o, indent < 0 ? -1 : indent + 1);
                }
                sb.append(']');
            }
            default -> appendString(sb, v.toString());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        boolean pretty = indent >= 0;
        sb.append(pretty ? "{\n" : "{");
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (pretty) {
                sb.append("  ".repeat(indent + 1));
            }
            appendString(sb, String.valueOf(e.getKey()));
            sb.append(pretty ? ": " : ":");
            write(sb, e.getValue(), pretty ? indent + 1 : -1);
            boolean last = ++i == m.size();
            sb.append(last ? (pretty ? "\n" : "") : (pretty ? ",\n" : ","));
        }
        if (pretty) {
            sb.append("  ".repeat(indent));
        }
        sb.append('}');
    }

    /**
     * Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped,
     * everything else as is. The one escaper for Osprey's JSON (files, batch output, the server's
     * responses), so they all quote alike; it allocates nothing beyond the builder's own growth.
     */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
