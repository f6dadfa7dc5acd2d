package dev.osprey.notebook.kernel;

import dev.osprey.notebook.kernel.ExecutionEvent.Completed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cell sent to a kernel: its events so far, listeners for the rest, and a future that
 * completes with the final {@link Completed} event. Events are delivered on kernel threads, in
 * the order the cell produced them; a listener must be quick (a UI re-posts to its own thread).
 */
public final class Execution {
    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private final String source;
    private final Object lock = new Object();
    private final List<ExecutionEvent> history = new ArrayList<>();
    private final List<Consumer<ExecutionEvent>> listeners = new ArrayList<>();
    private final CompletableFuture<Completed> completion = new CompletableFuture<>();
    private volatile boolean interrupted;

    Execution(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** Replays the events so far to {@code listener}, then sends it every later one. */
    public void addListener(Consumer<ExecutionEvent> listener) {
        synchronized (lock) {
            history.forEach(e -> deliver(listener, e));
            listeners.add(listener);
        }
    }

    /** The events so far, in order. */
    public List<ExecutionEvent> events() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /** Completes when the cell has ended, however it ended (never exceptionally). */
    public CompletableFuture<Completed> completion() {
        return completion.copy();
    }

    public boolean isDone() {
        return completion.isDone();
    }

    /** Waits for the end of the cell. */
    public Completed await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an execution never completes exceptionally", e);
        }
    }

    /** Everything the cell printed to stdout so far, joined. */
    public String stdout() {
        StringBuilder sb = new StringBuilder();
        for (ExecutionEvent e : events()) {
            if (e instanceof ExecutionEvent.Stdout(String text)) {
                sb.append(text);
            }
        }
        return sb.toString();
    }

    /** Everything the cell printed to stderr so far, joined. */
    public String stderr() {
        StringBuilder sb = new StringBuilder();
        for (ExecutionEvent e : events()) {
            if (e instanceof ExecutionEvent.Stderr(String text)) {
                sb.append(text);
            }
        }
        return sb.toString();
    }

    /** The value of the cell's last expression, if it had one. */
    public Optional<MimeBundle> result() {
        return events().stream().filter(ExecutionEvent.Result.class::isInstance)
                .map(e -> ((ExecutionEvent.Result) e).bundle()).reduce((a, b) -> b);
    }

    /** The error that ended the cell, if any. */
    public Optional<ExecutionEvent.Error> error() {
        return events().stream().filter(ExecutionEvent.Error.class::isInstance)
                .map(ExecutionEvent.Error.class::cast).findFirst();
    }

    void emit(ExecutionEvent event) {
        synchronized (lock) {
            if (completion.isDone()) {
                return; // late output of a finished cell is the kernel's stray output, not this cell's
            }
            history.add(event);
            for (Consumer<ExecutionEvent> l : listeners) {
                deliver(l, event);
            }
        }
    }

    /** Ends the execution once; later calls do nothing. */
    void finish(ExecutionOutcome outcome, int executionCount, Duration elapsed) {
        Completed done = new Completed(outcome, executionCount, elapsed);
        synchronized (lock) {
            if (completion.isDone()) {
                return;
            }
            emit(done);
            completion.complete(done);
        }
    }

    void markInterrupted() {
        interrupted = true;
    }

    boolean interrupted() {
        return interrupted;
    }

    private static void deliver(Consumer<ExecutionEvent> listener, ExecutionEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("An execution listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }
}
