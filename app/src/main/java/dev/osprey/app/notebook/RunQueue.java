package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.Execution;
import dev.osprey.notebook.kernel.ExecutionEvent;
import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelStatus;
import dev.osprey.notebook.run.CellOutputs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The cells a notebook has sent to its kernel and not seen finish. Touched on the UI executor
 * only; kernel events arrive on kernel threads and cross through it, coalesced to one refresh
 * per {@link NotebookViewModel#FLUSH_MILLIS} at most, so a cell printing 10,000 lines costs the
 * UI a few refreshes, not 10,000.
 */
final class RunQueue {
    private final Kernel kernel;
    private final Executor ui;
    private final ScheduledExecutorService timer;
    private final Supplier<KernelStatus> status;
    private final Runnable onFinished;
    private final List<Pending> pending = new ArrayList<>();

    /** A cell sent to the kernel and not finished yet. */
    private static final class Pending {
        final CellModel cell;
        final AtomicBoolean flushScheduled = new AtomicBoolean();
        Execution execution;
        boolean done;

        Pending(CellModel cell) {
            this.cell = cell;
        }
    }

    /** @param onFinished told (on the UI executor) each time a cell has finished and its outputs are in place */
    RunQueue(Kernel kernel, Executor ui, ScheduledExecutorService timer, Supplier<KernelStatus> status, Runnable onFinished) {
        this.kernel = kernel;
        this.ui = ui;
        this.timer = timer;
        this.status = status;
        this.onFinished = onFinished;
    }

    boolean contains(CellModel cell) {
        return pending.stream().anyMatch(p -> p.cell == cell);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    void add(CellModel cell) {
        Pending p = new Pending(cell);
        pending.add(p);
        cell.outputs().clear();
        cell.setState(CellState.QUEUED);
        p.execution = kernel.execute(cell.source(), event -> onEvent(p, event));
        updateStates();
    }

    /** The first cell in the queue runs while the kernel is busy; the others wait. */
    void updateStates() {
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).cell.setState(i == 0 && status.get() == KernelStatus.BUSY ? CellState.RUNNING : CellState.QUEUED);
        }
    }

    private void onEvent(Pending p, ExecutionEvent event) {
        if (event instanceof ExecutionEvent.Completed done) {
            ui.execute(() -> finish(p, done));
        } else if (p.flushScheduled.compareAndSet(false, true)) {
            timer.schedule(() -> ui.execute(() -> flush(p)), NotebookViewModel.FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush(Pending p) {
        p.flushScheduled.set(false);
        if (!p.done) {
            p.cell.outputs().setAll(CellOutputs.of(p.execution.events(), 0));
        }
    }

    private void finish(Pending p, ExecutionEvent.Completed done) {
        p.done = true;
        pending.remove(p);
        p.cell.outputs().setAll(CellOutputs.of(p.execution.events(), done.executionCount()));
        if (done.executionCount() > 0) {
            p.cell.setExecutionCount(done.executionCount());
        }
        p.cell.setState(CellState.IDLE);
        updateStates();
        onFinished.run();
    }
}
