package dev.osprey.bench;

import dev.osprey.notebook.kernel.Execution;
import dev.osprey.notebook.kernel.ExecutionOutcome;
import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelOptions;
import dev.osprey.notebook.kernel.KernelStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * The notebook kernel against JShell's own engines, in one run:
 * trivial-eval latency (p50/p99) of Osprey's kernel (separate JVM, TCP_NODELAY, through the whole
 * Kernel API: cell splitting, events) vs JShell's default remote engine ({@code JShell.create()})
 * vs JShell in-process ({@code LocalExecutionControlProvider}); plus kernel start-to-ready,
 * restart and interrupt latency. Run: {@code KernelBench [--evals N] [--peer-evals N] [--runs N]}.
 */
public final class KernelBench {
    private final int evals;
    private final int peerEvals;
    private final int runs;
    private final PrintStream out;

    KernelBench(int evals, int peerEvals, int runs, PrintStream out) {
        this.evals = evals;
        this.peerEvals = peerEvals;
        this.runs = runs;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int evals = 300;
        int peerEvals = 40;
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--evals" -> evals = Integer.parseInt(args[++i]);
                case "--peer-evals" -> peerEvals = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: KernelBench [--evals N] [--peer-evals N] [--runs N]");
            }
        }
        System.out.printf(Locale.ROOT, "# Osprey kernel bench: Java %s, %d cores%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        new KernelBench(evals, peerEvals, runs, System.out).run();
    }

    void run() throws Exception {
        KernelOptions options = KernelOptions.defaults();
        double[] startMs = new double[runs];
        Kernel kernel = null;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Kernel k = Kernel.startAndWait(options, Duration.ofMinutes(2));
            startMs[r] = ms(t0);
            if (r < runs - 1) {
                k.shutdown();
            } else {
                kernel = k;
            }
        }
        double[] ours = timeKernel(kernel);
        double[] remote = timeJShell(JShell.create(), peerEvals);
        double[] local = timeJShell(JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build(), evals);
        line("trivial eval", evals, ours, "jshell default remote", remote);
        line("trivial eval", evals, ours, "jshell in-process", local);

        double[] restartMs = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            kernel.restart().get();
            restartMs[r] = ms(t0);
        }
        double[] interruptMs = new double[runs];
        for (int r = 0; r < runs; r++) {
            Execution loop = kernel.execute("long n = 0; while (true) { n++; }");
            while (kernel.status() != KernelStatus.BUSY) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            long t0 = System.nanoTime();
            kernel.interrupt();
            ExecutionOutcome o = loop.await(Duration.ofSeconds(30)).outcome();
            interruptMs[r] = ms(t0);
            if (o != ExecutionOutcome.INTERRUPTED) {
                throw new IllegalStateException("interrupt did not stop the loop: " + o);
            }
        }
        kernel.shutdown();
        out.printf(Locale.ROOT, "kernel start-to-ready  median of %d  ours %.0f ms (min %.0f, max %.0f)  (class path: %d entries, one addToClasspath)%n",
                runs, Stats.median(startMs), min(startMs), max(startMs), options.classPath().size());
        out.printf(Locale.ROOT, "kernel restart         median of %d  ours %.0f ms (min %.0f, max %.0f)%n",
                runs, Stats.median(restartMs), min(restartMs), max(restartMs));
        out.printf(Locale.ROOT, "kernel interrupt       median of %d  ours %.0f ms (max %.0f)  while(true) loop to INTERRUPTED%n",
                runs, Stats.median(interruptMs), max(interruptMs));
    }

    private double[] timeKernel(Kernel kernel) throws Exception {
        // long warm-up: javac runs in this JVM and gets faster for a few hundred compiles (the peers run later, warm)
        for (int i = 0; i < 200; i++) {
            kernel.execute("1 + 1").await(Duration.ofSeconds(30));
        }
        double[] t = new double[evals];
        for (int i = 0; i < evals; i++) {
            long t0 = System.nanoTime();
            Execution ex = kernel.execute("1 + " + i);
            ex.await(Duration.ofSeconds(30));
            t[i] = ms(t0);
            if (!ex.result().orElseThrow().plainText().equals(Integer.toString(1 + i))) {
                throw new IllegalStateException("wrong result from the kernel");
            }
        }
        return t;
    }

    private static double[] timeJShell(JShell js, int n) {
        try (js) {
            for (int i = 0; i < 5; i++) {
                js.eval("1 + 1");
            }
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                SnippetEvent e = js.eval("1 + " + i).getFirst();
                t[i] = ms(t0);
                if (!Integer.toString(1 + i).equals(e.value())) {
                    throw new IllegalStateException("wrong result from JShell: " + e.value());
                }
            }
            return t;
        }
    }

    private void line(String what, int n, double[] ours, String peer, double[] theirs) {
        double p50 = percentile(ours, 50);
        double peer50 = percentile(theirs, 50);
        out.printf(Locale.ROOT, "%s  n=%d/%d  ours osprey kernel p50 %.1f ms p99 %.1f ms  peer %s p50 %.1f ms p99 %.1f ms  ratio(peer/ours) %.2f%n",
                what, n, theirs.length, p50, percentile(ours, 99), peer, peer50, percentile(theirs, 99), peer50 / p50);
    }

    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int idx = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, idx))];
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
