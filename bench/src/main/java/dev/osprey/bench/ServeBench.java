package dev.osprey.bench;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServedModel;
import dev.osprey.server.launch.ServerLauncher;
import dev.osprey.server.launch.ServerSpec;
import dev.osprey.server.launch.ServerStats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code BenchMain serve [--seconds N] [--clients N] [--warmup N] [--starts N] [--dir D]}: the model
 * server under single-row CSV load. The exam-score sample is trained and registered (linear
 * regression), served by a real server process on loopback, and driven by {@code --clients}
 * platform threads, each with one keep-alive socket sending {@code 4,1,15} and waiting for the
 * answer (closed loop, like wrk). Latency is per request, client side. The floor is the same
 * model's in-process {@code TrainedModel.predict} in a loop; the start line times
 * {@code ServerLauncher.start} to a 200 from /ping, each start in order (the first start after a
 * class path change runs without the server's class-data archive, which it writes at exit).
 * {@code --seconds 0} times the starts only.
 */
final class ServeBench {
    private final Path dir;
    private final int seconds;
    private final int clients;
    private final int warmup;
    private final int starts;
    private final PrintStream out;

    ServeBench(Path dir, int seconds, int clients, int warmup, int starts, PrintStream out) {
        this.dir = dir;
        this.seconds = seconds;
        this.clients = clients;
        this.warmup = warmup;
        this.starts = starts;
        this.out = out;
    }

    static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench");
        int seconds = 30;
        int clients = 8;
        int warmup = 5;
        int starts = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--starts" -> starts = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: BenchMain serve [--seconds N] [--clients N]"
                            + " [--warmup N] [--starts N] [--dir D]");
                    System.exit(2);
                }
            }
        }
        new ServeBench(dir, seconds, clients, warmup, starts, System.out).run();
    }

    void run() throws Exception {
        Path root = SampleWorkspace.ensure(dir.resolve("serve-workspace"));
        ServedModel served;
        TrainedModel model;
        try (Engine engine = Engine.open(root)) {
            ModelVersion v = registered(engine);
            served = ServedModel.of(engine.registry(), v);
            model = engine.registry().load(v.name(), v.version());
            // The engine closes before the server starts only to keep this bench's process light; the server never needs it.
        }
        double floorNanos = predictFloor(model);

        double[] startMillis = new double[starts];
        for (int i = 0; i < starts; i++) {
            long t0 = System.nanoTime();
            try (RunningServer s = ServerLauncher.start(ServerSpec.builder(root).model(served).port(0).endpointName("bench").build())) {
                startMillis[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        StringBuilder inOrder = new StringBuilder();
        for (double ms : startMillis) {
            inOrder.append(inOrder.isEmpty() ? "" : " ").append(Math.round(ms));
        }
        Arrays.sort(startMillis);
        out.printf(Locale.ROOT, "server start-to-ready  median of %d  ours %.0f ms (min %.0f, max %.0f)  goal < 1000 ms"
                        + "  (ServerLauncher.start: JVM boot, model load, bind, first /ping 200)  starts in order: %s ms%n", starts,
                Stats.median(startMillis), startMillis[0], startMillis[starts - 1], inOrder);
        if (seconds <= 0) {
            return;
        }

        try (RunningServer server = ServerLauncher.start(ServerSpec.builder(root).model(served).port(0).endpointName("bench").build())) {
            Load warm = load(server, warmup);
            Load l = load(server, seconds);
            ServerStats stats = server.stats();
            double perSecond = l.count / l.seconds;
            out.printf(Locale.ROOT, "serve csv 1 row  %d clients %d s  ours %,.0f req/s p50 %.3f ms p99 %.3f ms p99.9 %.3f ms"
                            + " errors %d  peer in-process predict %.2f us/row (%,.0f rows/s)  ratio(floor/ours per request) %.3f"
                            + "  check: 4,1,15 -> %s  (warm-up %,d requests; server-side p50 %.3f ms p99 %.3f ms)%n",
                    clients, seconds, perSecond, l.percentile(0.50), l.percentile(0.99), l.percentile(0.999), l.errors,
                    floorNanos / 1000, 1e9 / floorNanos, floorNanos / (1e9 / perSecond), l.sample, warm.count,
                    stats.p50Millis(), stats.p99Millis());
            out.printf(Locale.ROOT, "goal: >= 5,000 req/s with p99 < 5 ms and 0 errors: %s%n",
                    perSecond >= 5000 && l.percentile(0.99) < 5 && l.errors == 0 ? "met" : "NOT met");
        }
    }

    private static ModelVersion registered(Engine engine) throws Exception {
        try {
            return engine.registry().versions("exam-score").getFirst();
        } catch (Exception e) {
            Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            var run = engine.training().train(TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "linear_regression"), JobContext.NONE);
            return engine.registry().register(run.runId(), "exam-score");
        }
    }

    /** ns per in-process predict of the same row, after warm-up (median of 5 one-second rounds). */
    private static double predictFloor(TrainedModel model) {
        Object[] row = {4.0, 1.0, 15.0};
        double sink = 0;
        double[] rounds = new double[5];
        for (int r = -2; r < rounds.length; r++) {
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + 1_000_000_000L;
            long now;
            do {
                for (int i = 0; i < 1000; i++) {
                    sink += model.predict(row).value();
                }
                n += 1000;
                now = System.nanoTime();
            } while (now < end);
            if (r >= 0) {
                rounds[r] = (now - t0) / (double) n;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return Stats.median(rounds);
    }

    private record Load(long count, long errors, double seconds, long[] nanos, String sample) {
        double percentile(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(q * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    private Load load(RunningServer server, int forSeconds) throws Exception {
        byte[] request = ("POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nContent-Length: 6\r\n\r\n4,1,15")
                .getBytes(StandardCharsets.US_ASCII);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        List<Client> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(server.baseUri().getHost(), server.port(), request, stop, go);
            all.add(client);
            threads.add(Thread.ofPlatform().name("load-" + c).start(client));
        }
        long t0 = System.nanoTime();
        go.countDown();
        Thread.sleep(Duration.ofSeconds(forSeconds));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long count = 0;
        long errors = 0;
        for (Client c : all) {
            count += c.n;
            errors += c.errors;
        }
        long[] nanos = new long[(int) count];
        int at = 0;
        for (Client c : all) {
            System.arraycopy(c.nanos, 0, nanos, at, c.n);
            at += c.n;
        }
        Arrays.sort(nanos);
        return new Load(count, errors, elapsed, nanos, all.getFirst().sample);
    }

    /** One closed-loop client on one keep-alive connection. */
    private static final class Client implements Runnable {
        private final String host;
        private final int port;
        private final byte[] request;
        private final AtomicBoolean stop;
        private final CountDownLatch go;
        long[] nanos = new long[1 << 16];
        int n;
        long errors;
        String sample = "";

        Client(String host, int port, byte[] request, AtomicBoolean stop, CountDownLatch go) {
            this.host = host;
            this.port = port;
            this.request = request;
            this.stop = stop;
            this.go = go;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            while (!stop.get()) {
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        out.write(request);
                        out.flush();
                        int status = readResponse(in, buf);
                        long dt = System.nanoTime() - t0;
                        if (status != 200) {
                            errors++;
                            continue;
                        }
                        if (n == nanos.length) {
                            nanos = Arrays.copyOf(nanos, n * 2);
                        }
                        nanos[n++] = dt;
                    }
                } catch (IOException e) {
                    errors++;
                }
            }
        }

        /** Reads one response into {@code buf}; returns its status. */
        private int readResponse(InputStream in, byte[] buf) throws IOException {
            int len = 0;
            int headEnd = -1;
            while (headEnd < 0) {
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) {
                    throw new IOException("closed");
                }
                len += r;
                for (int i = Math.max(3, len - r - 3); i < len; i++) {
                    if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                        headEnd = i + 1;
                        break;
                    }
                }
            }
            String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            int at = head.indexOf("Content-Length: ") + 16;
            int bodyLen = Integer.parseInt(head.substring(at, head.indexOf('\r', at)));
            while (len < headEnd + bodyLen) {
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) {
                    throw new IOException("closed");
                }
                len += r;
            }
            if (sample.isEmpty()) {
                sample = new String(buf, headEnd, bodyLen, StandardCharsets.ISO_8859_1).strip();
            }
            return status;
        }
    }
}
