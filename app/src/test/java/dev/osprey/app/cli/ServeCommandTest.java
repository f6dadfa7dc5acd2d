package dev.osprey.app.cli;

import dev.osprey.app.AppHome;
import dev.osprey.core.sample.SampleWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** osprey serve: resolves the model, serves it in the foreground until Ctrl+C, prints the URL and a curl line; bad input exits non-zero. */
class ServeCommandTest {
    @TempDir
    Path tmp;
    CliHarness cli;
    String ws;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(tmp.resolve("home"), tmp);
    }

    private void trainExamScore() throws Exception {
        ws = SampleWorkspace.ensure(tmp.resolve("ws")).toString();
        CliHarness.Result r = cli.run("train", "--data", "exam_scores", "--target", "exam_score", "--algorithm",
                "linear_regression", "--register", "exam-score", "-w", ws);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void servesInTheForegroundUntilCtrlCAndPrintsTheUrlAndACurlLine() throws Exception {
        trainExamScore();
        AtomicReference<Runnable> ctrlC = new AtomicReference<>();
        InterruptHandler interrupts = onInterrupt -> {
            ctrlC.set(onInterrupt);
            return () -> ctrlC.set(null);
        };
        CliEnvironment env = new CliEnvironment(new AppHome(tmp.resolve("home")), tmp, false, interrupts, (h, w) -> { });
        CommandLine cl = OspreyCli.create(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("serve", "--model", "exam-score:1",
                "--port", "0", "--capture", "--sample", "100", "-w", ws));

        Pattern url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) \\(pid");
        Matcher m = url.matcher("");
        for (int i = 0; i < 600 && !(m = url.matcher(out.toString())).find(); i++) {
            assertThat(exit).as(err.toString()).isNotDone();
            Thread.sleep(50);
        }
        assertThat(out.toString()).containsPattern("Serving \\[exam-score:1] at http://127.0.0.1:\\d+/")
                .contains("curl -s -X POST ").contains("invocations -H 'Content-Type: text/csv' --data-binary '")
                .contains("Press Ctrl+C to stop.").contains("captures");
        URI base = URI.create(m.group(1));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("invocations")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("4,1,15")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Double.parseDouble(r.body().strip())).isBetween(860.0, 920.0);
        }
        assertThat(exit).isNotDone();
        ctrlC.get().run();
        assertThat(exit.get(40, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Stopping the model server").contains("Stopped.");
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.send(HttpRequest.newBuilder(base.resolve("ping")).build(),
                    HttpResponse.BodyHandlers.discarding()))).as("the server is gone").isNotNull();
        }
    }

    @Test
    void badInputExitsNonZeroWithAClearMessage() throws Exception {
        trainExamScore();
        CliHarness.Result unknown = cli.run("serve", "--model", "nope", "-w", ws);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unknown.err()).contains("There is no model 'nope'");

        CliHarness.Result noVersion = cli.run("serve", "--model", "exam-score:7", "-w", ws);
        assertThat(noVersion.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noVersion.err()).contains("has no version 7");

        CliHarness.Result sample = cli.run("serve", "--model", "exam-score", "--sample", "10", "-w", ws);
        assertThat(sample.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sample.err()).contains("--sample only applies with --capture");

        CliHarness.Result port = cli.run("serve", "--model", "exam-score", "--port", "70000", "-w", ws);
        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("not 70000");

        CliHarness.Result noModel = cli.run("serve", "-w", ws);
        assertThat(noModel.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noModel.err()).contains("--model");
    }
}
