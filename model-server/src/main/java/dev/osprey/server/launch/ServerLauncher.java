package dev.osprey.server.launch;

import dev.osprey.server.ServerMain;
import dev.osprey.server.ServerOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts model server processes: {@code java -cp <the server's part of this JVM's class path> dev.osprey.server.ServerMain ...}
 * with the same Java (flags and class-data archive: {@link ServerJvm}), its output going to a log file, and returns once
 * {@code GET /ping} answers 200.
 * The bearer token travels in the environment, never on the command line.
 */
public final class ServerLauncher {
    /** How long a server may take to load its models and answer /ping. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 20;

    private ServerLauncher() {
    }

    /** Starts a server logging to {@code WORKSPACE/logs/serve-ENDPOINT.log} (the previous log kept as {@code .log.1}). */
    public static RunningServer start(ServerSpec spec) throws ServerStartException {
        return start(spec, spec.workspaceDir().resolve("logs").resolve("serve-" + spec.endpointName() + ".log"));
    }

    public static RunningServer start(ServerSpec spec, Path logFile) throws ServerStartException {
        Path log = logFile.toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ServerStartException("Cannot create the server log " + log + ": " + e.getMessage(), e);
        }
        ServerJvm jvm = ServerJvm.forThisJvm(ServerJvm.defaultCacheDir());
        ProcessBuilder pb = new ProcessBuilder(command(jvm, spec)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().remove(ServerOptions.TOKEN_ENV);
        spec.bearerToken().ifPresent(t -> pb.environment().put(ServerOptions.TOKEN_ENV, t));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ServerStartException("Cannot start the model server process: " + e.getMessage(), e);
        }
        process.onExit().thenRun(jvm::publish);
        try {
            int port = awaitReady(process, log, spec);
            return new ServerProcess(process, port, host(spec.bindHost()), log, spec.bearerToken(), jvm::publish);
        } catch (ServerStartException e) {
            process.destroyForcibly();
            throw e;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServerStartException("Interrupted while the model server was starting.", e);
        }
    }

    static List<String> command(ServerJvm jvm, ServerSpec spec) {
        List<String> cmd = new ArrayList<>(jvm.command());
        cmd.add(ServerMain.class.getName());
        cmd.add("--workspace");
        cmd.add(spec.workspaceDir().toString());
        for (ServedModel m : spec.models()) {
            cmd.add("--model");
            cmd.add(m.name());
            cmd.add(Integer.toString(m.version()));
            cmd.add(m.dir().toString());
        }
        cmd.add("--port");
        cmd.add(Integer.toString(spec.port()));
        cmd.add("--host");
        cmd.add(spec.bindHost());
        cmd.add("--endpoint");
        cmd.add(spec.endpointName());
        cmd.add("--parent-pid");
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        if (spec.capture()) {
            cmd.add("--capture");
            cmd.add(Integer.toString(spec.captureSamplePercent()));
        }
        return cmd;
    }

    private static int awaitReady(Process process, Path log, ServerSpec spec) throws ServerStartException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int port = -1;
        while (port < 0) {
            port = readyPort(log);
            if (port >= 0) {
                break;
            }
            if (!process.isAlive()) {
                throw new ServerStartException("The model server for " + spec.models() + " exited with code " + process.exitValue()
                        + " before it was ready:\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new ServerStartException("The model server for " + spec.models() + " was not ready within "
                        + READY_TIMEOUT.toSeconds() + " s:\n" + tail(log));
            }
            Thread.sleep(5);
        }
        // A plain socket, not the JDK HttpClient: building a client costs the caller ~100 ms of class loading on the first start.
        String host = host(spec.bindHost());
        while (true) {
            if (pingAnswers200(host, port)) {
                return port;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new ServerStartException("The model server on port " + port + " did not answer GET /ping with 200:\n"
                        + tail(log));
            }
            Thread.sleep(20);
        }
    }

    /** {@code GET /ping} over one connection; true for a 200 status line. */
    static boolean pingAnswers200(String host, int port) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(bare, port), 2000);
            s.setSoTimeout(2000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(("GET /ping HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = s.getInputStream().readNBytes(12); // "HTTP/1.1 200"
            return new String(head, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200");
        } catch (IOException e) {
            return false; // not answering yet
        }
    }

    private static int readyPort(Path log) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(ServerMain.READY)) {
                    return Integer.parseInt(line.substring(ServerMain.READY.length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not written yet, or a partial line: read again shortly
        }
        return -1;
    }

    /** The last lines of the log, for a message the user reads. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return last.isEmpty() ? "(the log " + log + " is empty)" : String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read the log " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Where to reach a server bound to {@code bindHost}: loopback when it binds every interface. */
    static String host(String bindHost) {
        return switch (bindHost) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
        };
    }
}
