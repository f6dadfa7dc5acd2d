package dev.osprey.notebook.run;

import dev.osprey.notebook.kernel.Execution;
import dev.osprey.notebook.kernel.ExecutionEvent;
import dev.osprey.notebook.kernel.ExecutionOutcome;
import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelException;
import dev.osprey.notebook.kernel.KernelOptions;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.NotebookFormatException;
import dev.osprey.notebook.model.Notebooks;
import dev.osprey.notebook.model.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Runs a whole notebook headless, as {@code osprey run} does: a fresh kernel, every code cell in
 * order, outputs written back. Parameters are injected papermill-style: a new cell tagged
 * {@code injected-parameters} after the cell tagged {@code parameters} (at the top if none is).
 * The first failing cell stops the run; the output file then holds everything up to it.
 */
public final class NotebookRunner {
    /** Told after each code cell: its index among all cells, and how it ended. */
    @FunctionalInterface
    public interface Progress {
        void cellDone(int cellIndex, int cellCount, ExecutionOutcome outcome, Duration elapsed);
    }

    public static final String PARAMETERS_TAG = "parameters";
    public static final String INJECTED_TAG = "injected-parameters";

    private final KernelOptions options;
    private final Duration cellTimeout;
    private final Progress progress;

    /**
     * @param cellTimeout how long one cell may run before it is interrupted and the run fails;
     *                    {@link Duration#ZERO} for no limit
     */
    public NotebookRunner(KernelOptions options, Duration cellTimeout, Progress progress) {
        this.options = options;
        this.cellTimeout = cellTimeout;
        this.progress = progress == null ? (i, n, o, d) -> { } : progress;
    }

    /** Runs {@code ipynb} with default kernel options (working directory: the notebook's folder) and writes {@code output}. */
    public static Notebook run(Path ipynb, Map<String, String> params, Path output)
            throws IOException, NotebookFormatException, KernelException, NotebookExecutionException {
        Path dir = ipynb.toAbsolutePath().getParent();
        return new NotebookRunner(KernelOptions.defaults().withWorkingDirectory(dir), Duration.ZERO, null)
                .execute(ipynb, params, output);
    }

    /** Reads, runs and writes (atomically); on failure writes what ran, then throws. */
    public Notebook execute(Path ipynb, Map<String, String> params, Path output)
            throws IOException, NotebookFormatException, KernelException, NotebookExecutionException {
        Notebook nb = Notebooks.read(ipynb);
        try {
            Notebook done = execute(nb, params);
            Notebooks.write(output, done);
            return done;
        } catch (NotebookExecutionException e) {
            Notebooks.write(output, e.partial());
            throw e;
        }
    }

    /** Runs a notebook in a fresh kernel and returns it with its new outputs. */
    public Notebook execute(Notebook notebook, Map<String, String> params) throws KernelException, NotebookExecutionException {
        List<Cell> cells = prepare(notebook);
        int paramsAt = indexOfTag(cells, PARAMETERS_TAG);
        if (!params.isEmpty() && paramsAt < 0) {
            cells.addFirst(injected(Parameters.cell(params, List.of())));
        }
        try (Kernel kernel = Kernel.startAndWait(options, options.startTimeout())) {
            for (int i = 0; i < cells.size(); i++) {
                if (!(cells.get(i) instanceof Cell.Code code)) {
                    continue;
                }
                Execution ex = kernel.execute(code.source());
                Finished f = await(kernel, ex);
                ExecutionEvent.Completed done = f.completed();
                String timeoutMessage = "the cell ran longer than " + cellTimeout.toSeconds() + " s and was stopped";
                List<Output> outputs = new ArrayList<>(CellOutputs.of(ex.events(), done.executionCount()));
                if (f.timedOut()) {
                    outputs.add(new Output.Error("Timeout", timeoutMessage, List.of("Timeout: " + timeoutMessage)));
                }
                cells.set(i, code.withOutputs(outputs, done.executionCount() == 0 ? null : done.executionCount()));
                progress.cellDone(i, cells.size(), done.outcome(), done.elapsed());
                if (done.outcome() != ExecutionOutcome.OK) {
                    ExecutionEvent.Error err = ex.error().orElse(new ExecutionEvent.Error(done.outcome().name(), "", 0, List.of()));
                    throw new NotebookExecutionException(i, err.line(), f.timedOut() ? "Timeout" : err.name(),
                            f.timedOut() ? timeoutMessage : err.message(), notebook.withCells(cells));
                }
                if (i == paramsAt && !params.isEmpty()) {
                    cells.add(i + 1, injected(Parameters.cell(params, kernel.variables())));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new KernelException("cannot pass the parameters: " + e.getMessage(), e);
        }
        return notebook.withCells(cells);
    }

    private record Finished(ExecutionEvent.Completed completed, boolean timedOut) {
    }

    private Finished await(Kernel kernel, Execution ex) throws KernelException {
        try {
            if (cellTimeout.isZero()) {
                return new Finished(ex.completion().get(), false);
            }
            try {
                return new Finished(ex.await(cellTimeout), false);
            } catch (TimeoutException e) {
                kernel.interrupt();
                try {
                    return new Finished(ex.await(Duration.ofSeconds(10)), true);
                } catch (TimeoutException stuck) {
                    kernel.restart(); // a cell deaf to interrupts (native code): only a new JVM stops it
                    return new Finished(ex.completion().get(), true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kernel.interrupt();
            throw new KernelException("the run was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new KernelException("the kernel failed: " + e.getCause(), e.getCause());
        }
    }

    /** The cells without a previous run's injected parameters, code cells cleared. */
    private static List<Cell> prepare(Notebook nb) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : nb.cells()) {
            if (c.tags().contains(INJECTED_TAG)) {
                continue;
            }
            cells.add(c instanceof Cell.Code code ? code.withOutputs(List.of(), null) : c);
        }
        return cells;
    }

    private static int indexOfTag(List<Cell> cells, String tag) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof Cell.Code && cells.get(i).tags().contains(tag)) {
                return i;
            }
        }
        return -1;
    }

    private static Cell.Code injected(String source) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("tags", List.of(INJECTED_TAG));
        return Cell.Code.of(source).withMetadata(meta);
    }
}
