package dev.osprey.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The model server process: {@code java -cp ... dev.osprey.server.ServerMain --workspace DIR
 * --model NAME VERSION DIR ...} (see {@link ServerOptions}). Prints {@value #READY} followed by
 * the port once it answers; SIGTERM (or Ctrl+C) drains the requests in flight and exits within
 * {@link #DRAIN} plus a little. Exit codes: 2 for a bad command line, 1 when it cannot start.
 */
public final class ServerMain {
    public static final String READY = "OSPREY-SERVER-READY port=";
    /** Well inside the 30 s a supervisor waits after SIGTERM. */
    static final Duration DRAIN = Duration.ofSeconds(25);

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long t0 = System.nanoTime();
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("osprey-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        ModelServer server;
        try {
            server = ModelServer.start(options);
        } catch (ModelServer.StartException e) {
            ServerLog.error(e.getMessage());
            System.err.println("osprey-server: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerLog.info("stopping: draining requests in flight");
            boolean clean = server.shutdown(DRAIN);
            ServerLog.info(clean ? "stopped" : "stopped; requests still running after " + DRAIN.toSeconds() + " s were cut off");
            stopped.countDown();
        }, "osprey-server-stop"));
        ServerLog.info("serving " + String.join(", ", server.served()) + " on http://" + options.host() + ":" + server.port()
                + (options.token().isPresent() ? " (bearer token required)" : "")
                + (options.capture() ? ", capturing " + options.capturePercent() + "% into captures/" + options.endpoint() : "")
                + String.format(java.util.Locale.ROOT, "; ready in %.0f ms", (System.nanoTime() - t0) / 1e6));
        if (options.parentPid() > 0) {
            ProcessHandle.of(options.parentPid()).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
                ServerLog.info("the process that started this server (pid " + options.parentPid() + ") ended");
                System.exit(0);
            }), () -> {
                ServerLog.error("the process that started this server (pid " + options.parentPid() + ") is gone");
                System.exit(1);
            });
        }
        System.out.println(READY + server.port());
        System.out.flush();
        stopped.await();
    }
}
