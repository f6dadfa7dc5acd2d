package dev.osprey.core.deploy;

import dev.osprey.core.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoints survive closing and reopening the workspace; only running ones are restored; tokens stay out of the catalog. */
class EndpointStoreTest {
    @TempDir
    Path tmp;

    @Test
    void endpointsAreKeptAcrossReopenAndOnlyRunningOnesAreRestored() throws Exception {
        Path ws = tmp.resolve("ws");
        EndpointName a = new EndpointName("exam-score");
        EndpointName b = new EndpointName("churn");
        try (Engine e = Engine.create(ws)) {
            EndpointStore store = e.endpoints();
            store.save(new EndpointConfig(a, "exam-score", 1, 0, true, 25, true), EndpointState.RUNNING);
            store.save(new EndpointConfig(b, "churn", 3, 8081, false, 100, false), EndpointState.RUNNING);
            store.saveToken(a, "s3cret");
            store.setPort(a, 45123);
            store.setVersion(a, 2);
            store.setState(b, EndpointState.STOPPED, null);
        }
        try (Engine e = Engine.open(ws)) {
            EndpointStore store = e.endpoints();
            assertThat(store.list()).extracting(r -> r.name().value()).containsExactly("churn", "exam-score");
            assertThat(store.toRestore()).singleElement().satisfies(r -> {
                assertThat(r.config()).isEqualTo(new EndpointConfig(a, "exam-score", 2, 45123, true, 25, true));
                assertThat(r.state()).isEqualTo(EndpointState.RUNNING);
            });
            assertThat(store.token(a)).contains("s3cret");
            assertThat(store.token(b)).isEmpty();
            store.setState(a, EndpointState.FAILED, "exited with code 1");
            assertThat(store.find(a).orElseThrow().message()).contains("exited with code 1");
            store.remove(a);
            assertThat(store.find(a)).isEmpty();
            assertThat(store.token(a)).isEmpty();
            assertThatThrownBy(() -> store.setVersion(a, 3)).isInstanceOf(EndpointException.class)
                    .hasMessageContaining("no endpoint 'exam-score'");
        }
        assertThat(Files.readAllBytes(ws.resolve("osprey.db"))).asString().doesNotContain("s3cret");
    }

    @Test
    void badConfigurationsAreRefusedWithAReason() {
        assertThatThrownBy(() -> new EndpointName("no spaces")).hasMessageContaining("'no spaces'");
        EndpointName n = new EndpointName("x");
        assertThatThrownBy(() -> new EndpointConfig(n, "m", 1, 70000, false, 0, false)).hasMessageContaining("70000");
        assertThatThrownBy(() -> new EndpointConfig(n, "m", 1, 0, true, 101, false)).hasMessageContaining("101");
    }
}
