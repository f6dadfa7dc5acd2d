package dev.osprey.core.json;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    @Test
    void roundTripsTheValuesOspreyWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "exam \"score\"\n\ttab \\ \u0001");
        m.put("rows", 1000L);
        m.put("rmse", 12.5);
        m.put("ok", true);
        m.put("none", null);
        m.put("columns", List.of("a", 1L, List.of()));
        m.put("empty", Map.of());
        for (String text : List.of(Json.write(m), Json.writePretty(m))) {
            assertThat(Json.parse(text)).isEqualTo(m);
        }
        assertThat(Json.write(m)).doesNotContain("\n");
        assertThat(Json.writePretty(m)).startsWith("{\n  \"name\": ").endsWith("}\n");
    }

    @Test
    void stringsAreEscapedByteForByteAsBefore() {
        // The server, batch output and files all use this escaper: control characters as lowercase
        // four-digit escapes except the three short ones, non-ASCII and '/' as they are.
        StringBuilder sb = new StringBuilder();
        Json.appendString(sb, "q\"b\\n\nr\rt\t\u0000\u0001\u001f\b\f/é\u2028");
        assertThat(sb.toString()).isEqualTo("\"q\\\"b\\\\n\\nr\\rt\\t\\u0000\\u0001\\u001f\\u0008\\u000c/é\u2028\"");
        for (char c = 0; c < 0x20; c++) {
            String expected = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format("\\u%04x", (int) c);
            };
            assertThat(Json.write(String.valueOf(c))).isEqualTo("\"" + expected + "\"");
        }
    }

    @Test
    void nonFiniteNumbersBecomeNullAndOtherValuesTheirText() {
        assertThat(Json.write(Arrays.asList(Double.NaN, Float.POSITIVE_INFINITY, java.time.LocalDate.of(2026, 11, 23))))
                .isEqualTo("[null,null,\"2026-11-23\"]");
    }

    @Test
    void readsNumbersInEveryForm() {
        assertThat(Json.parse("[-3, 2.5, 1e3, -0.25E-1]")).isEqualTo(List.of(-3L, 2.5, 1000.0, -0.025));
    }

    @Test
    void malformedTextNamesThePosition() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at position 8: expected");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Json.parse("\"\\")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Json.parse("\"\\u12\"")).hasMessageContaining("escape");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing text");
        assertThatThrownBy(() -> Json.parse("1.2.3")).hasMessageContaining("bad number");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("unexpected end");
    }
}
