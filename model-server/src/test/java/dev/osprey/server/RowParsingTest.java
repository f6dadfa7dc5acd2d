package dev.osprey.server;

import dev.osprey.server.http.HttpStatusException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV and JSON rows against a real model's signature (hours: number, course: category): quoting, missing values; option parsing. */
class RowParsingTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path tmp;
    static LoadedModel passes;

    @org.junit.jupiter.api.BeforeAll
    static void load() throws Exception {
        try (TrainedWorkspace ws = new TrainedWorkspace(tmp)) {
            passes = new ModelLoader(ws.root).load("passes", 1, ws.passes.dir());
        }
    }

    private static List<Object[]> csv(String body, LoadedModel m) throws HttpStatusException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return CsvRows.parse(b, b.length, m);
    }

    @Test
    void csvQuotingEmptyCellsAndUtf8() throws Exception {
        LoadedModel m = passes;
        List<Object[]> rows = csv("\"9.5\",\"a\"\"rt, fine\"\n,kunst\u00e9\r\n", m);
        assertThat(rows).hasSize(2);
        assertThat(Arrays.asList(rows.get(0))).containsExactly(9.5, "a\"rt, fine");
        assertThat(Arrays.asList(rows.get(1))).containsExactly(null, "kunst\u00e9");
        assertThatThrownBy(() -> csv("\"9\"x,art", m)).hasMessageContaining("Unexpected text after a quoted CSV value");
        assertThatThrownBy(() -> csv("0x1p3,art", m)).hasMessageContaining("not a finite number");
    }

    @Test
    void jsonNullIsMissingAndAFlatArrayIsOneRow() throws Exception {
        LoadedModel m = passes;
        assertThat(Arrays.asList(JsonRows.json("[null, \"art\"]", m).getFirst())).containsExactly(null, "art");
        assertThat(Arrays.asList(JsonRows.json("{\"course\": \"law\"}", m).getFirst())).containsExactly(null, "law");
        assertThat(JsonRows.json("{\"instances\": []}", m)).isEmpty();
    }

    @Test
    void serverOptionsParseAndRefuseBadValues() {
        ServerOptions o = ServerOptions.parse(new String[]{"--workspace", "/w", "--model", "a", "2", "/w/models/a/2", "--port", "0",
                "--capture", "10", "--parent-pid", "77"}, Map.of(ServerOptions.TOKEN_ENV, "t0k"));
        assertThat(o.models()).containsExactly(new ServerOptions.ModelArg("a", 2, java.nio.file.Path.of("/w/models/a/2")));
        assertThat(o.token()).contains("t0k");
        assertThat(o.endpoint()).isEqualTo("a");
        assertThat(o.capturePercent()).isEqualTo(10);
        assertThat(o.parentPid()).isEqualTo(77);
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--workspace", "/w"}, Map.of())).hasMessageContaining("--model");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--workspace", "/w", "--model", "a", "x", "/d"}, Map.of()))
                .hasMessageContaining("whole number, not 'x'");
        assertThatThrownBy(() -> ServerOptions.parse(new String[]{"--workspace", "/w", "--model", "a", "1", "/d", "--endpoint", "../x"},
                Map.of())).hasMessageContaining("endpoint name");
    }
}
