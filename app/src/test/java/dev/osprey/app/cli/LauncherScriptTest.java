package dev.osprey.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real {@code ./osprey} launcher as a process, when the launcher has built the app before
 * (it writes app/target/classpath.txt). OSPREY_NO_BUILD keeps it from starting Maven inside Maven.
 */
class LauncherScriptTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolveSibling("osprey");

    @TempDir
    Path tmp;

    @BeforeEach
    void onlyWhenBuiltByTheLauncher() {
        assumeTrue(Files.isExecutable(SCRIPT), "no launcher script at " + SCRIPT);
        assumeTrue(Files.isRegularFile(MODULE.resolve("target/classpath.txt")), "the launcher has not built the app yet");
        assumeTrue(Files.isRegularFile(MODULE.resolve("target/classes/dev/osprey/app/Osprey.class")), "app not compiled");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run osprey(List<String> javaOpts, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().put("OSPREY_NO_BUILD", "1");
        pb.environment().put("OSPREY_HOME", tmp.resolve("home").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OSPREY_JAVA_OPTS", String.join(" ", javaOpts));
        pb.environment().remove("DISPLAY");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./osprey " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void versionAndListThroughTheScriptWithoutJavaFx() throws Exception {
        Run version = osprey(List.of(), "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("Osprey ").contains("(Java 2");

        Path ws = tmp.resolve("ws");
        Run init = osprey(List.of(), "workspace", "init", ws.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();

        Path classLog = tmp.resolve("classes.log");
        Run list = osprey(List.of("-Xlog:class+load=info:file=" + classLog), "data", "list", "-w", ws.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("No datasets in " + ws);
        assertThat(list.err()).isEmpty();
        // headless commands must work without a display: not one JavaFX class is loaded
        assertThat(Files.readAllLines(classLog, StandardCharsets.UTF_8)).isNotEmpty()
                .noneMatch(line -> line.contains(" javafx.") || line.contains(" com.sun.javafx."));
    }
}
