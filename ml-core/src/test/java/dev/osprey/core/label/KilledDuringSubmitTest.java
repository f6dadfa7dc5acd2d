package dev.osprey.core.label;

import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 during a burst of 1,000 submissions: every acknowledged answer is still there. */
class KilledDuringSubmitTest {
    @TempDir
    Path tmp;

    @Test
    void acknowledgedSubmissionsSurviveAKill() throws Exception {
        Path wsDir = tmp.resolve("ws");
        try (Workspace ws = Workspace.create(wsDir)) {
            new LabelStore(ws).create(new LabelJobSpec("burst", LabelTaskType.TEXT_CLASSIFICATION,
                    LabelClass.of("neg", "pos"), "", 1), IntStream.range(0, 1000).mapToObj(i -> "text " + i).toList());
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), SubmitBurstMain.class.getName(), wsDir.toString())
                .redirectErrorStream(true).start();
        Set<Long> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                    if (acknowledged.size() == 300) {
                        child.toHandle().destroyForcibly(); // SIGKILL without closing our end of the pipe
                    }
                } else {
                    seen.append(line).append('\n');
                }
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged).as("child output: %s", seen).hasSizeGreaterThanOrEqualTo(300);
        } finally {
            child.destroyForcibly();
        }
        try (Workspace ws = Workspace.open(wsDir)) {
            assertThat(ws.integrityCheck()).isEqualTo("ok");
            LabelStore store = new LabelStore(ws);
            List<Annotation> stored = store.annotations(store.require("burst").id());
            Set<Long> storedItems = new HashSet<>();
            stored.forEach(a -> storedItems.add(a.itemId()));
            assertThat(storedItems).containsAll(acknowledged);
            assertThat(stored.size()).isLessThan(1000);
        }
    }
}
