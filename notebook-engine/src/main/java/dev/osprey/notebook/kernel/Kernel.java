package dev.osprey.notebook.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java notebook kernel: JShell driving a separate JVM, so that an endless loop can be stopped
 * and {@code System.exit}, a stack overflow or a crash in a cell ends only the kernel, never the
 * caller. Cells run one at a time, in the order {@link #execute} was called; every method returns
 * at once and none needs a particular thread.
 */
public final class Kernel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

    private final KernelOptions options;
    private final Path agentDir;
    private final ExecutorService worker;
    private final List<KernelListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // guarded by lock:
    private final Deque<Execution> queued = new ArrayDeque<>();
    private KernelStatus status = KernelStatus.STARTING;
    private String reason = "";
    private int generation;
    private int executionCount;
    private boolean shutdown;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile KernelSession session;
    private volatile Execution running;

    private Kernel(KernelOptions options) {
        this.options = options;
        this.agentDir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-kernel-" + System.getProperty("user.name", "user"));
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osprey-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts launching a kernel and returns at once, in {@link KernelStatus#STARTING}; cells sent now wait for it. */
    public static Kernel start(KernelOptions options) {
        Kernel k = new Kernel(options);
        CompletableFuture<Void> first = k.ready;
        k.worker.execute(() -> k.startSession(0, first));
        return k;
    }

    /** Starts a kernel and waits until it is ready. */
    public static Kernel startAndWait(KernelOptions options, Duration timeout) throws KernelException {
        Kernel k = start(options);
        try {
            k.awaitReady(timeout);
            return k;
        } catch (KernelException e) {
            k.shutdown();
            throw e;
        }
    }

    public KernelOptions options() {
        return options;
    }

    public KernelStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    /** Why the kernel is {@link KernelStatus#DEAD}; empty otherwise. */
    public String statusReason() {
        synchronized (lock) {
            return reason;
        }
    }

    /** Adds a listener; it is told the current status at once. */
    public void addListener(KernelListener listener) {
        synchronized (lock) {
            listeners.add(listener);
            listener.statusChanged(status, reason);
        }
    }

    public void removeListener(KernelListener listener) {
        listeners.remove(listener);
    }

    /** Completes when the current (re)start has finished; exceptionally with a {@link KernelException} if it failed. */
    public CompletableFuture<Void> ready() {
        synchronized (lock) {
            return ready.copy();
        }
    }

    public void awaitReady(Duration timeout) throws KernelException {
        try {
            ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KernelException ke ? ke : new KernelException(e.getCause().toString(), e.getCause());
        } catch (TimeoutException e) {
            throw new KernelException("the kernel was not ready within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("interrupted while waiting for the kernel");
        }
    }

    /** The number given to the last cell that ran (Jupyter's execution count). */
    public int executionCount() {
        synchronized (lock) {
            return executionCount;
        }
    }

    /** Queues a cell. Its events start once the cells before it have finished. */
    public Execution execute(String cellSource) {
        return execute(cellSource, null);
    }

    /** Queues a cell with a listener that sees every one of its events. */
    public Execution execute(String cellSource, java.util.function.Consumer<ExecutionEvent> listener) {
        Execution ex = new Execution(cellSource);
        if (listener != null) {
            ex.addListener(listener);
        }
        synchronized (lock) {
            if (shutdown) {
                ex.emit(new ExecutionEvent.Error("KernelDied", "the kernel was shut down", 0, List.of()));
                ex.finish(ExecutionOutcome.KERNEL_DIED, 0, Duration.ZERO);
                return ex;
            }
            queued.add(ex);
        }
        worker.execute(() -> runQueued(ex));
        return ex;
    }

    /**
     * Stops the running cell (JShell's stop: the cell's thread gets an exception, so an endless
     * loop ends within moments) and drops the queued ones. Code that never returns to Java (a
     * native call) may ignore it: {@link #restart()} always works.
     */
    public void interrupt() {
        Execution r;
        synchronized (lock) {
            abortQueued();
            r = running;
        }
        if (r == null) {
            return;
        }
        r.markInterrupted();
        KernelSession s = session;
        if (s != null) {
            s.stopUntilDone(r);
        }
    }

    /** Kills the kernel JVM (variables are lost) and starts a fresh one; works from any status but after shutdown. */
    public CompletableFuture<Void> restart() {
        KernelSession old;
        CompletableFuture<Void> next;
        int gen;
        synchronized (lock) {
            if (shutdown) {
                return CompletableFuture.failedFuture(new KernelException("the kernel was shut down"));
            }
            gen = ++generation;
            old = session;
            session = null;
            abortQueued();
            next = ready = new CompletableFuture<>();
            executionCount = 0;
            setStatus(KernelStatus.RESTARTING, "");
        }
        if (old != null) {
            old.kill();
        }
        worker.execute(() -> {
            if (old != null) {
                old.close();
            }
            startSession(gen, next);
        });
        return next.copy();
    }

    /** Ends the kernel JVM for good. */
    public void shutdown() {
        KernelSession old;
        synchronized (lock) {
            if (shutdown) {
                return;
            }
            shutdown = true;
            generation++;
            old = session;
            session = null;
            abortQueued();
            ready.completeExceptionally(new KernelException("the kernel was shut down"));
            setStatus(KernelStatus.DEAD, "the kernel was shut down");
        }
        if (old != null) {
            old.kill();
        }
        worker.execute(() -> {
            if (old != null) {
                old.close();
            }
        });
        worker.shutdown();
    }

    @Override
    public void close() {
        shutdown();
    }

    /** Completion candidates at {@code cursor} in a cell; none while a cell is running. */
    public Completions complete(String cell, int cursor) {
        KernelSession s = session;
        return s == null ? Completions.none(cursor) : Introspection.complete(s, cell, cursor);
    }

    /** Signature and javadoc of what is at {@code cursor}; empty while a cell is running. */
    public List<Documentation> documentation(String cell, int cursor, boolean withJavadoc) {
        KernelSession s = session;
        return s == null ? List.of() : Introspection.documentation(s, cell, cursor, withJavadoc);
    }

    /** The named variables the kernel holds, with a short summary of each value; empty while a cell is running. */
    public List<VariableInfo> variables() {
        KernelSession s = session;
        return s == null ? List.of() : Introspection.variables(s);
    }

    // --- worker thread ---

    private void startSession(int gen, CompletableFuture<Void> done) {
        ControlProvider.Sinks sinks = ControlProvider.Sinks.routing(this::route);
        KernelSession s;
        try {
            s = KernelSession.start(options, sinks, agentDir, why -> onExit(gen, why));
        } catch (KernelException | RuntimeException e) {
            KernelException ke = e instanceof KernelException k ? k : new KernelException(e.toString(), e);
            LOG.warn("Kernel start failed: {}", ke.getMessage());
            synchronized (lock) {
                if (gen == generation && !shutdown) {
                    setStatus(KernelStatus.DEAD, ke.getMessage());
                }
            }
            done.completeExceptionally(ke);
            return;
        }
        synchronized (lock) {
            if (gen != generation || shutdown) {
                s.close();
                done.completeExceptionally(new KernelException("the kernel was restarted or shut down while starting"));
                return;
            }
            session = s;
            setStatus(KernelStatus.IDLE, "");
        }
        done.complete(null);
    }

    private void runQueued(Execution ex) {
        KernelSession s;
        int count;
        int gen;
        synchronized (lock) {
            if (!queued.remove(ex) || ex.isDone()) {
                return; // interrupted or restarted before its turn
            }
            if (session == null || status == KernelStatus.DEAD) {
                ex.emit(new ExecutionEvent.Error("KernelDied", reason.isEmpty() ? "the kernel is not running" : reason, 0, List.of()));
                ex.finish(ExecutionOutcome.KERNEL_DIED, 0, Duration.ZERO);
                return;
            }
            count = ++executionCount;
            gen = generation;
            s = session;
            running = ex;
            setStatus(KernelStatus.BUSY, "");
        }
        long start = System.nanoTime();
        ExecutionOutcome outcome = CellRunner.runGuarded(s, ex);
        if (outcome == ExecutionOutcome.KERNEL_DIED) {
            boolean intended;
            synchronized (lock) {
                intended = gen != generation || shutdown;
            }
            if (intended) {
                ex.emit(new ExecutionEvent.Error("KernelRestarted", "the kernel was restarted or shut down while this cell ran", 0, List.of()));
                outcome = ExecutionOutcome.ABORTED;
            } else {
                String why = s.deathReason();
                ex.emit(new ExecutionEvent.Error("KernelDied", why, 0, List.of()));
                markDead(gen, why);
            }
        } else if (!s.alive()) {
            markDead(gen, s.deathReason()); // the JVM went away just as the cell ended
        }
        synchronized (lock) {
            running = null;
            if (gen == generation && status == KernelStatus.BUSY) {
                setStatus(KernelStatus.IDLE, "");
            }
        }
        ex.finish(outcome, count, Duration.ofNanos(System.nanoTime() - start));
    }

    // --- any thread ---

    private void route(ExecutionEvent event) {
        Execution r = running;
        if (r != null) {
            r.emit(event);
        } else {
            for (KernelListener l : listeners) {
                l.strayOutput(event);
            }
        }
    }

    private void onExit(int gen, String signal) {
        KernelSession s;
        synchronized (lock) {
            s = session;
            if (gen != generation || shutdown || s == null || status == KernelStatus.DEAD || running != null) {
                return; // intended, not yet started, already known, or the running cell reports it
            }
        }
        markDead(gen, s.deathReason());
    }

    private void markDead(int gen, String why) {
        synchronized (lock) {
            if (gen != generation || shutdown || status == KernelStatus.DEAD) {
                return;
            }
            abortQueued();
            setStatus(KernelStatus.DEAD, why);
        }
        LOG.info("Kernel died: {}", why);
    }

    /** Ends every queued cell as aborted. Caller holds the lock. */
    private void abortQueued() {
        List<Execution> dropped = new ArrayList<>(queued);
        queued.clear();
        for (Execution e : dropped) {
            e.finish(ExecutionOutcome.ABORTED, 0, Duration.ZERO);
        }
    }

    /** Caller holds the lock, so listeners see changes in order. */
    private void setStatus(KernelStatus s, String why) {
        status = s;
        reason = why;
        for (KernelListener l : listeners) {
            try {
                l.statusChanged(s, why);
            } catch (RuntimeException e) {
                LOG.warn("A kernel listener failed", e);
            }
        }
    }
}
