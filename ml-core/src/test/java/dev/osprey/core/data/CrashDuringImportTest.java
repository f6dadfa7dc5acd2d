package dev.osprey.core.data;

import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of a COPY import: the workspace opens clean, with no dataset and no debris. */
class CrashDuringImportTest {
    @TempDir
    Path tmp;

    @Test
    void killedImportLeavesASoundWorkspace() throws Exception {
        Path csv = tmp.resolve("big.csv");
        BigCsv.write(csv, 300L << 20);
        Path wsDir = tmp.resolve("ws");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CrashImportMain.class.getName(), wsDir.toString(), csv.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("STARTED")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: %s", seen).isEqualTo("STARTED");
            Thread.sleep(300);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        // The kill landed mid-import: the copy was still a temporary file.
        assertThat(names(wsDir.resolve("data"))).singleElement().asString().startsWith(AtomicFiles.TEMP_PREFIX);

        try (Workspace ws = Workspace.open(wsDir); DatasetService service = DatasetService.open(ws)) {
            assertThat(ws.integrityCheck()).isEqualTo("ok");
            assertThat(service.list()).isEmpty();
            assertThat(names(ws.dataDir())).isEmpty();
            assertThat(names(ws.root())).noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
