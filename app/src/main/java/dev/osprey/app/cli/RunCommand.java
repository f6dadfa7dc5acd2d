package dev.osprey.app.cli;

import dev.osprey.core.train.TrainingCode;
import dev.osprey.notebook.kernel.ExecutionOutcome;
import dev.osprey.notebook.kernel.KernelException;
import dev.osprey.notebook.kernel.KernelOptions;
import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.NotebookFormatException;
import dev.osprey.notebook.run.NotebookExecutionException;
import dev.osprey.notebook.run.NotebookRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code osprey run NOTEBOOK.ipynb [--output OUT.ipynb] [-p name=value ...]}: runs every code cell
 * in a fresh kernel and writes the notebook back with its outputs (atomically). The first failing
 * cell ends the run: the output then holds everything up to it and the command exits 1 naming it.
 * The command does not open the workspace itself: the workspace lock belongs to the cells, which
 * open the folder named by the system property {@value TrainingCode#WORKSPACE_PROPERTY}.
 */
@Command(name = "run", sortOptions = false, description = {"Run every cell of a notebook in a fresh kernel.",
        "Writes the outputs back into the notebook (or to --output); progress goes to stderr."})
final class RunCommand extends HeadlessCommand {
    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("^cell \\d+, line (\\d+):");

    @Parameters(index = "0", paramLabel = "NOTEBOOK.ipynb", description = "The notebook to run.")
    private Path notebook;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.ipynb",
            description = "Where to write the notebook with its outputs. Default: the notebook itself.")
    private Path output;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A parameter, injected after the cell tagged 'parameters' (at the top if none is); repeatable.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--cell-timeout", paramLabel = "SECONDS",
            description = "Stop a cell that runs longer and fail the run. Default: no limit.")
    private Long cellTimeout;

    @Override
    public Integer call() throws Exception {
        Path in = resolve(notebook);
        if (!Files.isRegularFile(in)) {
            throw new CliException(Files.exists(in) ? in + " is not a file." : "There is no file " + in + ".");
        }
        Path target = output == null ? in : resolve(output);
        if (Files.isDirectory(target)) {
            throw new CliException(target + " is a folder; give --output a file name.");
        }
        if (cellTimeout != null && cellTimeout <= 0) {
            throw new CliException("--cell-timeout must be a positive number of seconds.", ExitCodes.USAGE, null);
        }
        Path workspace = root().resolveWorkspace(err());
        KernelOptions options = KernelOptions.defaults()
                .withWorkingDirectory(in.getParent())
                .withJvmOptions(List.of("-D" + TrainingCode.WORKSPACE_PROPERTY + "=" + workspace));
        Duration timeout = cellTimeout == null ? Duration.ZERO : Duration.ofSeconds(cellTimeout);
        NotebookRunner runner = new NotebookRunner(options, timeout, this::progress);
        err().println("Running " + in.getFileName() + " (workspace " + workspace + ")");
        err().flush();
        Thread caller = Thread.currentThread();
        long start = System.nanoTime();
        try (InterruptHandler.Registration ctrlC = env().interrupts().whileRunning(caller::interrupt)) {
            Notebook done = runner.execute(in, params, target);
            err().printf("Ran %d code cells in %s; wrote %s%n", done.codeCellIndexes().size(),
                    seconds(Duration.ofNanos(System.nanoTime() - start)), target);
            err().flush();
            return ExitCodes.OK;
        } catch (NotebookExecutionException e) {
            throw new CliException(failure(e) + " Outputs up to it are in " + target + ".", ExitCodes.FAILURE, e);
        } catch (NotebookFormatException e) {
            throw new CliException(in.getFileName() + " is not a notebook: " + e.getMessage(), ExitCodes.FAILURE, e);
        } catch (KernelException e) {
            if (Thread.interrupted()) {
                throw new CliException("Cancelled; the notebook was not written.", ExitCodes.CANCELLED, e);
            }
            throw new CliException("The kernel failed: " + e.getMessage(), ExitCodes.FAILURE, e);
        } catch (IOException e) {
            throw new CliException("Cannot read or write the notebook: " + e.getMessage(), ExitCodes.FAILURE, e);
        }
    }

    /** "Cell 3 (int r = 1 / zero;) failed at line 2: java.lang.ArithmeticException: / by zero." */
    static String failure(NotebookExecutionException e) {
        List<Cell> cells = e.partial().cells();
        String first = e.cellIndex() < cells.size() ? firstLine(cells.get(e.cellIndex()).source()) : "";
        String message = e.errorMessage() == null || e.errorMessage().isBlank() ? "" : ": " + e.errorMessage().strip();
        // the exception knows the line only through its message ("cell 3, line 2: ...")
        java.util.regex.Matcher m = LINE.matcher(e.getMessage());
        String line = m.find() ? " at line " + m.group(1) : "";
        return "Cell " + (e.cellIndex() + 1) + (first.isEmpty() ? "" : " (" + first + ")") + " failed" + line + ": "
                + e.errorName() + message + (message.endsWith(".") ? "" : ".");
    }

    private static String firstLine(String source) {
        String line = source.strip().lines().findFirst().orElse("").strip();
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    private void progress(int cellIndex, int cellCount, ExecutionOutcome outcome, Duration elapsed) {
        err().printf("  cell %d/%d %s (%s)%n", cellIndex + 1, cellCount, outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                seconds(elapsed));
        err().flush();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
