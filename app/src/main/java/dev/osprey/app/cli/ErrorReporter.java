package dev.osprey.app.cli;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.ImportException;
import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.workspace.WorkspaceException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * Turns every failure into one line on stderr and an exit code: expected failures (a bad file, a
 * locked workspace) with their own message, anything else as an unexpected error that points to
 * the log. The stack trace goes to the log file always and to stderr only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Not attached to the console appender (logback.xml), so logging never duplicates the printed line. */
    static final String LOGGER = "osprey.cli";
    private static final int MAX_MESSAGE = 600;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("osprey: " + oneLine(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = ExitCodes.FAILURE;
        String message;
        boolean expected = true;
        switch (ex) {
            case CliException c -> {
                code = c.exitCode();
                message = c.getMessage();
            }
            case ImportException ie -> message = withLine(ie);
            case DataException e -> message = e.getMessage();
            case WorkspaceException e -> message = e.getMessage();
            case TrainingException e -> message = e.getMessage();
            case RegistryException e -> message = e.getMessage();
            case ExperimentException e -> message = e.getMessage();
            default -> {
                expected = false;
                message = "Unexpected error: " + describe(ex) + "." + logHint();
            }
        }
        var log = LoggerFactory.getLogger(LOGGER);
        if (expected && ex.getCause() == null) {
            log.info("{} failed: {}", cmd.getCommandSpec().qualifiedName(), message);
        } else if (expected) {
            log.info("{} failed: {}", cmd.getCommandSpec().qualifiedName(), message, ex);
        } else {
            log.error("{} failed", cmd.getCommandSpec().qualifiedName(), ex);
        }
        err.println("osprey: " + oneLine(message));
        if (isVerbose(cmd)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The line a malformed file failed at, when the message does not already say it. */
    static String withLine(ImportException e) {
        String m = e.getMessage() == null ? "The file cannot be imported" : e.getMessage();
        if (e.line().isPresent()) {
            long line = e.line().getAsLong();
            if (!m.toLowerCase(java.util.Locale.ROOT).contains("line " + line)) {
                m = m + " (line " + line + ")";
            }
        }
        return m;
    }

    /** Engine messages (DuckDB's in particular) can span lines; the user gets one. */
    static String oneLine(String message) {
        String m = message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE - 3) + "..." : m;
    }

    private static String describe(Exception ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : ex.getClass().getSimpleName() + ": " + m;
    }

    private static String logHint() {
        String dir = System.getProperty("osprey.logdir");
        return dir == null ? " Run again with --verbose for details."
                : " Details are in " + dir + "/osprey.log; run again with --verbose to print them.";
    }

    private static boolean isVerbose(CommandLine cmd) {
        return cmd.getCommandSpec().root().userObject() instanceof OspreyCommand root && root.verbose();
    }
}
