package dev.osprey.server.http;

import dev.osprey.core.json.Json;

/** JSON text pieces shared by the HTTP layer and the encoders (no allocation beyond the builder). */
public final class JsonText {
    private JsonText() {
    }

    /** {@code s} as a JSON string, escaped as ml-core's {@link Json} escapes everything Osprey writes. */
    public static void string(StringBuilder sb, String s) {
        Json.appendString(sb, s);
    }

    /** A finite number as JSON; whole values without ".0"; non-finite as null. */
    public static void number(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            sb.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else {
            sb.append(d);
        }
    }
}
