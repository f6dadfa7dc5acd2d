package dev.osprey.notebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code %maven} and {@code //!mvn} resolve from the local repository (downloads off) into a real kernel. */
class MavenMagicTest {
    private static final Path LOCAL = Path.of(System.getProperty("user.home"), ".m2", "repository");
    private static Kernel kernel;

    @BeforeAll
    static void startKernel() throws KernelException {
        kernel = Kernel.startAndWait(KernelOptions.defaults().withMaxHeap("256m").withMaven(LOCAL, null), Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopKernel() {
        if (kernel != null) {
            kernel.shutdown();
        }
    }

    @Test
    void mavenLineAddsTheArtifactToTheKernel() throws Exception {
        assertThat(LOCAL.resolve("org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.jar")).exists();
        Execution ex = kernel.execute("""
                %maven org.apache.commons:commons-lang3:3.17.0
                import org.apache.commons.lang3.StringUtils;
                StringUtils.capitalize("osprey")
                """);
        ex.await(Duration.ofSeconds(60));
        assertThat(ex.error()).isEmpty();
        assertThat(ex.stdout()).contains("added org.apache.commons:commons-lang3:3.17.0");
        assertThat(ex.result().orElseThrow().plainText()).isEqualTo("\"Osprey\"");
    }

    @Test
    void mvnCommentFormWorksToo() throws Exception {
        assertThat(Files.exists(LOCAL.resolve("com/google/code/gson/gson/2.11.0/gson-2.11.0.jar"))).isTrue();
        Execution ex = kernel.execute("//!mvn com.google.code.gson:gson:2.11.0\nnew com.google.gson.Gson().toJson(java.util.Map.of(\"a\", 1))");
        ex.await(Duration.ofSeconds(60));
        assertThat(ex.error()).isEmpty();
        assertThat(ex.result().orElseThrow().plainText()).isEqualTo("\"{\\\"a\\\":1}\"");
    }

    @Test
    void aMissingArtifactIsAnErrorOnItsLine() throws Exception {
        Execution ex = kernel.execute("int before = 1;\n%maven org.example.nothing:nope:0.0.1");
        ex.await(Duration.ofSeconds(60));
        ExecutionEvent.Error err = ex.error().orElseThrow();
        assertThat(err.name()).isEqualTo("MavenResolutionError");
        assertThat(err.line()).isEqualTo(2);
        assertThat(err.message()).contains("org.example.nothing:nope:0.0.1").contains("downloading is off");
    }
}
