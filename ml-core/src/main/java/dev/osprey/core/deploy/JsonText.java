package dev.osprey.core.deploy;

import dev.osprey.core.json.Json;

/**
 * JSON text for JSON Lines output, written straight into a builder (one row at a time, no tree).
 * A cell is never written as an object or array: anything not a boolean or number is its text.
 */
final class JsonText {
    private JsonText() {
    }

    static void value(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case Double d when !Double.isFinite(d) -> sb.append("null");
            case Float f when !Float.isFinite(f) -> sb.append("null");
            case Number n -> sb.append(n);
            default -> string(sb, v.toString());
        }
    }

    static void string(StringBuilder sb, String s) {
        Json.appendString(sb, s);
    }
}
