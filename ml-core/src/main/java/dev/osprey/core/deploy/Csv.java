package dev.osprey.core.deploy;

/** RFC 4180 quoting for the CSV files batch transform writes. */
final class Csv {
    private Csv() {
    }

    static void append(StringBuilder sb, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
