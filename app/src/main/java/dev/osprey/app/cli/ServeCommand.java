package dev.osprey.app.cli;

import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.SignatureColumn;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServedModel;
import dev.osprey.server.launch.ServerLauncher;
import dev.osprey.server.launch.ServerSpec;
import dev.osprey.server.launch.ServerStartException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code osprey serve --model NAME[:VERSION|@ALIAS] [--model ...] [--port P] [--host H] [--token T]
 * [--capture [--sample PCT]]}: resolves the versions in the workspace, starts the model server
 * process and stays in the foreground until Ctrl+C, which stops the server (it drains the
 * requests in flight). The workspace is released once the versions are resolved, so the studio
 * can open it while the server runs.
 */
@Command(name = "serve", sortOptions = false, description = {"Serve registered models over HTTP on this machine until Ctrl+C.",
        "Speaks the cloud container contract (GET /ping, POST /invocations), the Open Inference Protocol v2"
                + " (/v2/models/NAME/infer) and Prometheus /metrics. With several models, /invocations uses the first"
                + " unless the request names another (header X-Osprey-Model or ?model=NAME)."})
final class ServeCommand extends HeadlessCommand {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "NAME[:VERSION|@ALIAS]",
            description = "A model to serve (repeatable); without :VERSION or @ALIAS its latest version.")
    private List<String> models;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "The port; 0 for any free port. Default: 8080 when free, else any free port.")
    private Integer port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerSpec.LOOPBACK,
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only); 0.0.0.0 opens it to the network.")
    private String host;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Require 'Authorization: Bearer TOKEN' on every call but the health checks.")
    private String token;

    @Option(names = "--capture", description = "Write requests and predictions as JSON Lines under the workspace's captures/ENDPOINT/ folder.")
    private boolean capture;

    @Option(names = "--sample", paramLabel = "PCT", description = "With --capture: the percentage of requests to capture (0-100). Default: 100.")
    private Integer sample;

    @Option(names = "--endpoint", paramLabel = "NAME", description = "The endpoint's name (the capture folder and log). Default: the first model's name.")
    private String endpoint;

    @Override
    public Integer call() throws Exception {
        if (sample != null && !capture) {
            throw new ParameterException(spec.commandLine(), "--sample only applies with --capture.");
        }
        List<ModelRef> refs = new ArrayList<>();
        for (String m : models) {
            refs.add(ModelsAliasCommand.parse(spec, m, false));
        }
        List<ServedModel> served = new ArrayList<>();
        String example;
        java.nio.file.Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            ModelRegistry registry = session.engine().registry();
            for (ModelRef ref : refs) {
                ModelVersion v = ref.resolve(registry);
                served.add(ServedModel.of(registry, v));
            }
            ModelVersion first = registry.version(served.getFirst().name(), served.getFirst().version());
            example = exampleRow(registry.load(first.name(), first.version()));
        }
        ServerSpec serverSpec;
        try {
            serverSpec = new ServerSpec(workspace, served, port == null ? ServerSpec.PREFER_8080 : port, host,
                    java.util.Optional.ofNullable(token), capture, sample == null ? 100 : sample, endpoint);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        err().println("Starting the model server for " + served + " ...");
        err().flush();
        RunningServer server;
        try {
            server = ServerLauncher.start(serverSpec);
        } catch (ServerStartException e) {
            throw new CliException(e.getMessage(), ExitCodes.FAILURE, e);
        }
        CompletableFuture<Void> stopRequested = new CompletableFuture<>();
        InterruptHandler.Registration ctrlC = env().interrupts().whileRunning(() -> stopRequested.complete(null));
        try {
            printUsage(server, serverSpec, example);
            CompletableFuture.anyOf(stopRequested, server.onExit()).get();
            if (!stopRequested.isDone()) {
                throw new CliException("The model server stopped by itself (exit code " + server.onExit().getNow(-1)
                        + "); see its log " + server.logFile() + ":\n" + tail(server));
            }
            err().println("Stopping the model server (finishing requests in flight) ...");
            err().flush();
            return ExitCodes.OK;
        } catch (ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return ExitCodes.OK;
        } finally {
            server.stop(Duration.ofSeconds(30));
            ctrlC.close();
            err().println("Stopped.");
            err().flush();
        }
    }

    private void printUsage(RunningServer server, ServerSpec s, String example) {
        String url = server.baseUri().toString();
        out().println("Serving " + s.models() + " at " + url + " (pid " + server.pid() + ")");
        out().println("  log:      " + server.logFile());
        if (s.capture()) {
            out().println("  capture:  " + s.captureSamplePercent() + "% of requests into "
                    + s.workspaceDir().resolve("captures").resolve(s.endpointName()));
        }
        out().println("  try it:   curl -s -X POST " + url + "invocations -H 'Content-Type: text/csv'"
                + (s.bearerToken().isPresent() ? " -H 'Authorization: Bearer " + s.bearerToken().get() + "'" : "")
                + " --data-binary '" + example + "'");
        out().println("  also:     GET " + url + "ping, GET " + url + "v2/models/" + s.models().getFirst().name() + ", GET " + url + "metrics");
        out().println("Press Ctrl+C to stop.");
        out().flush();
    }

    /** A plausible CSV row for the curl example: each numeric input's training median, each category's first value. */
    static String exampleRow(TrainedModel model) {
        StringJoiner row = new StringJoiner(",");
        for (SignatureColumn c : model.signature().inputs()) {
            if (c.oneHot() && !c.categories().isEmpty()) {
                String v = c.categories().getFirst();
                row.add(v.contains(",") || v.contains("'") || v.contains("\"") ? "" : v);
            } else if (Double.isFinite(c.median())) {
                double m = c.median();
                row.add(m == Math.rint(m) ? Long.toString((long) m) : String.format(Locale.ROOT, "%.4g", m));
            } else {
                row.add("");
            }
        }
        return row.toString();
    }

    private static String tail(RunningServer server) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(server.logFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (java.io.IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }
}
