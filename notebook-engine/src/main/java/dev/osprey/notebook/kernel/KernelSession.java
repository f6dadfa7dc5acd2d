package dev.osprey.notebook.kernel;

import dev.osprey.notebook.maven.Coordinates;
import dev.osprey.notebook.maven.MavenException;
import dev.osprey.notebook.maven.MavenResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jdk.jshell.JShell;

/**
 * One kernel JVM and the JShell that drives it. A restart throws the session away and makes a
 * new one. JShell is not thread-safe: every use goes through {@link #locked}, except
 * {@link #stop()}, which JShell allows from another thread while a snippet runs.
 */
final class KernelSession implements AutoCloseable {
    /** Imported into every kernel: the common JDK packages and the display helpers. */
    static final List<String> STARTUP = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
            "import java.io.*;", "import java.nio.file.*;", "import java.math.*;", "import java.time.*;",
            "import dev.osprey.notebook.kernel.display.*;",
            "import static dev.osprey.notebook.kernel.display.Display.display;");

    private final JShell shell;
    private final ControlProvider provider;
    private final Path log;
    private final MavenResolver maven;
    private final Set<Path> added = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;
    private volatile boolean shellClosed;

    private KernelSession(JShell shell, ControlProvider provider, Path log, MavenResolver maven) {
        this.shell = shell;
        this.provider = provider;
        this.log = log;
        this.maven = maven;
    }

    /**
     * Launches a kernel JVM, loads the class path with one {@code addToClasspath} (one call is
     * several times faster than one per jar), imports the startup packages and runs one trivial
     * snippet so that the first cell does not pay for warming up.
     *
     * @param onExit told when the JVM or JShell goes away (also after {@link #close()}: the caller filters)
     */
    static KernelSession start(KernelOptions options, ControlProvider.Sinks sinks, Path agentDir, Consumer<String> onExit)
            throws KernelException {
        Path log;
        try {
            Files.createDirectories(agentDir);
            log = Files.createTempFile(agentDir, "kernel-", ".log");
        } catch (IOException e) {
            throw new KernelException("cannot create the kernel's log file in " + agentDir + ": " + e.getMessage(), e);
        }
        List<String> vm = new ArrayList<>();
        vm.add("-cp");
        vm.add(AgentJar.ensure(agentDir).toString());
        vm.add("-Xmx" + options.maxHeap());
        vm.add("--enable-native-access=ALL-UNNAMED");
        vm.add("-Djava.awt.headless=true");
        vm.add("-Dstdout.encoding=UTF-8");
        vm.add("-Dstderr.encoding=UTF-8");
        vm.add("-Dfile.encoding=UTF-8");
        vm.addAll(options.jvmOptions());
        ControlProvider provider = new ControlProvider(vm, options.javaHome(), options.workingDirectory(), log,
                (int) options.startTimeout().toMillis(), sinks, onExit);
        JShell shell;
        try {
            PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
            shell = JShell.builder().executionEngine(provider, java.util.Map.of())
                    .in(java.io.InputStream.nullInputStream()).out(nowhere).err(nowhere).build();
        } catch (RuntimeException e) {
            provider.kill();
            String tail = KernelJvm.logTail(log, 20);
            throw new KernelException("the kernel did not start: " + rootMessage(e) + (tail.isEmpty() ? "" : "\n" + tail), e);
        }
        KernelSession session = new KernelSession(shell, provider, log, new MavenResolver(options.mavenLocalRepository(), options.mavenRemote()));
        shell.onShutdown(s -> {
            session.shellClosed = true;
            onExit.accept("JShell closed");
        });
        try {
            if (!options.classPath().isEmpty()) {
                shell.addToClasspath(ClassPaths.join(options.classPath()));
                session.added.addAll(options.classPath());
            }
            for (String s : STARTUP) {
                shell.eval(s);
            }
            shell.eval("{ }"); // compile and invoke once: loads the kernel side's snippet machinery
        } catch (RuntimeException e) {
            session.close();
            throw new KernelException("the kernel started but could not be set up: " + rootMessage(e), e);
        }
        if (!session.alive()) {
            throw new KernelException("the kernel exited while starting: " + session.deathReason());
        }
        return session;
    }

    JShell shell() {
        return shell;
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #locked} but gives up (returning null) if the session stays busy for {@code millis}. */
    <T> T tryLocked(long millis, Supplier<T> work) {
        try {
            if (!lock.tryLock(millis, TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Resolves artifacts and adds the jars not yet on the kernel's class path, in one call. */
    List<Path> addMaven(List<Coordinates> roots) throws MavenException {
        List<Path> jars = maven.resolve(roots);
        List<Path> fresh = jars.stream().filter(p -> !added.contains(p)).toList();
        if (!fresh.isEmpty()) {
            locked(() -> {
                shell.addToClasspath(ClassPaths.join(fresh));
                return null;
            });
            added.addAll(fresh);
        }
        return jars;
    }

    /** Stops the running snippet (from any thread). */
    void stop() {
        if (alive()) {
            shell.stop();
        }
    }

    /**
     * Stops {@code running} from a background thread, repeating for up to two seconds: a stop that
     * lands between two snippets of a cell does nothing, so one call alone can miss.
     */
    void stopUntilDone(Execution running) {
        Thread.ofVirtual().name("osprey-kernel-interrupt").start(() -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!running.isDone() && System.nanoTime() < end) {
                stop();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    boolean alive() {
        if (closed) {
            return false;
        }
        Process p = provider.process();
        return p != null && p.isAlive() && !shellClosed;
    }

    /** Why the kernel JVM ended: its exit code and the last lines it printed itself. */
    String deathReason() {
        Process p = provider.process();
        StringBuilder why = new StringBuilder();
        if (p == null) {
            why.append("the kernel JVM never started");
        } else {
            try {
                p.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (p.isAlive()) {
                why.append("the kernel stopped answering");
            } else {
                int code = p.exitValue();
                why.append("the kernel exited with code ").append(code);
                if (code == 0) {
                    why.append(" (System.exit in a cell?)");
                }
            }
        }
        String tail = KernelJvm.logTail(log, 5);
        if (!tail.isEmpty()) {
            why.append(": ").append(tail);
        }
        return why.toString();
    }

    /** Kills the JVM at once, from any thread; a snippet that is running ends with the kernel. */
    void kill() {
        closed = true;
        provider.kill();
    }

    @Override
    public void close() {
        closed = true;
        try {
            shell.close();
        } catch (RuntimeException e) {
            // closing a JShell whose JVM is gone can fail; the kill below is what matters
        }
        provider.kill();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover log in the temp folder is harmless
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
