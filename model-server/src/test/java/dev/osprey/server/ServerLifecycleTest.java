package dev.osprey.server;

import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServedModel;
import dev.osprey.server.launch.ServerLauncher;
import dev.osprey.server.launch.ServerSpec;
import dev.osprey.server.launch.ServerStartException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Swapping versions under load, SIGTERM draining, the bearer token and start failures, each with its own server process. */
class ServerLifecycleTest {
    @TempDir
    static Path tmp;
    static TrainedWorkspace ws;

    @BeforeAll
    static void train() throws Exception {
        ws = new TrainedWorkspace(tmp);
    }

    @AfterAll
    static void close() {
        if (ws != null) {
            ws.close();
        }
    }

    @Test
    void swappingTheVersionUnderConcurrentLoadDropsNoRequest() throws Exception {
        try (RunningServer server = ServerLauncher.start(ServerSpec.builder(ws.root).model(ws.examV1).port(0).build());
             Http http = new Http(server.baseUri())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            Set<String> answers = ConcurrentHashMap.newKeySet();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> r = http.post("invocations", "text/csv", "4,1,15");
                            if (r.statusCode() == 200) {
                                ok.incrementAndGet();
                                answers.add(r.body().strip());
                            } else {
                                synchronized (failures) {
                                    failures.add(r.statusCode() + " " + r.body());
                                }
                            }
                        } catch (Exception e) {
                            synchronized (failures) {
                                failures.add(e.toString());
                            }
                        }
                    }
                }));
            }
            Thread.sleep(400);
            int before = ok.get();
            server.swap(ws.examV2);
            Thread.sleep(400);
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(before).isPositive();
            assertThat(ok.get()).isGreaterThan(before);
            assertThat(answers).as("answers of v1 and of v2").hasSizeGreaterThanOrEqualTo(2);
            assertThat(http.get("v2/models/exam-score").body()).contains("\"versions\":[\"2\"]");
            assertThat(http.get("metrics").body()).contains("osprey_model_version{model=\"exam-score\"} 2");
            assertThat(server.stats().errors()).isZero();
        }
    }

    @Test
    void sigtermFinishesTheRequestInFlightThenExits() throws Exception {
        RunningServer server = ServerLauncher.start(ServerSpec.builder(ws.root).model(ws.examV1).port(0).build());
        try (Socket s = new Socket(server.baseUri().getHost(), server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /invocations HTTP/1.1\r\nHost: test\r\nContent-Type: text/csv\r\nContent-Length: 7\r\n\r\n4,1")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the server has read the head: the request is in flight
            ProcessHandle.of(server.pid()).orElseThrow().destroy(); // SIGTERM
            Thread.sleep(700);
            assertThat(server.isAlive()).as("still draining the request in flight").isTrue();
            out.write(",15\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(s.getInputStream());
            assertThat(response).startsWith("HTTP/1.1 200 OK").contains("Connection: close");
            assertThat(Double.parseDouble(response.substring(response.indexOf("\r\n\r\n") + 4).strip())).isBetween(860.0, 920.0);
        }
        Integer code = server.onExit().get(30, TimeUnit.SECONDS);
        assertThat(code).as("exit after SIGTERM").isIn(0, 143);
        assertThat(java.nio.file.Files.readString(server.logFile())).contains("stopping: draining").contains("INFO  stopped");
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBearerTokenGuardsEverythingButTheHealthChecks() throws Exception {
        try (RunningServer server = ServerLauncher.start(ServerSpec.builder(ws.root).model(ws.examV1).port(0).bearerToken("s3cret-T0ken").build());
             Http http = new Http(server.baseUri())) {
            assertThat(http.get("ping").statusCode()).isEqualTo(200);
            HttpResponse<String> none = http.post("invocations", "text/csv", "4,1,15");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("Authorization: Bearer <token>");
            assertThat(none.headers().firstValue("www-authenticate")).contains("Bearer");
            assertThat(http.post("invocations", "text/csv", "4,1,15", "Authorization", "Bearer wrong").body())
                    .contains("not the right one");
            assertThat(http.get("metrics").statusCode()).isEqualTo(401);
            assertThat(http.post("invocations", "text/csv", "4,1,15", "Authorization", "Bearer s3cret-T0ken").statusCode()).isEqualTo(200);
            assertThat(server.stats().requests()).isGreaterThanOrEqualTo(1);
            assertThat(String.join(" ", ProcessHandle.of(server.pid()).orElseThrow().info().arguments().orElse(new String[0])))
                    .doesNotContain("s3cret");

            ServerSpec samePort = ServerSpec.builder(ws.root).model(ws.examV1).port(server.port()).endpointName("clash").build();
            assertThatThrownBy(() -> ServerLauncher.start(samePort)).isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("exited with code 1").hasMessageContaining("Cannot listen on 127.0.0.1:" + server.port());
        }
    }

    @Test
    void aServerThatCannotLoadItsModelFailsWithTheLogInTheMessage() {
        ServedModel missing = new ServedModel("exam-score", 9, ws.root.resolve("models/exam-score/9"));
        assertThatThrownBy(() -> ServerLauncher.start(ServerSpec.builder(ws.root).model(missing).port(0).endpointName("broken").build()))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("exited with code 1")
                .hasMessageContaining("Cannot load exam-score:9: There is no model in").hasMessageContaining("model.json is missing");
        assertThatThrownBy(() -> ServerSpec.builder(ws.root).port(0).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one model");
        assertThatThrownBy(() -> ServerSpec.builder(ws.root).model(ws.examV1).port(70000).build())
                .hasMessageContaining("not 70000");
        assertThatThrownBy(() -> ServerSpec.builder(ws.root).model(ws.examV1).capture(150).build())
                .hasMessageContaining("percentage 0-100");
        assertThatThrownBy(() -> ServerSpec.builder(ws.root).model(ws.examV1).model(ws.examV2).build())
                .hasMessageContaining("given twice");
    }

    @Test
    void theServerStopsWhenTheProcessThatStartedItEnds() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        Path log = tmp.resolve("orphan.log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                "--workspace", ws.root.toString(), "--model", "exam-score", "1", ws.examV1.dir().toString(), "--port", "0",
                "--parent-pid", Long.toString(parent.pid())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (int i = 0; i < 300 && !java.nio.file.Files.readString(log).contains(ServerMain.READY); i++) {
                Thread.sleep(50);
            }
            assertThat(java.nio.file.Files.readString(log)).contains(ServerMain.READY);
            parent.destroyForcibly().waitFor();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server exits with its parent").isTrue();
            assertThat(java.nio.file.Files.readString(log)).contains("(pid " + parent.pid() + ") ended").contains("INFO  stopped");
        } finally {
            server.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    @Test
    void startsOn8080WhenFreeOtherwiseAnyPort() throws Exception {
        try (RunningServer server = ServerLauncher.start(ServerSpec.of(ws.root, ws.examV1))) {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        }
    }
}
