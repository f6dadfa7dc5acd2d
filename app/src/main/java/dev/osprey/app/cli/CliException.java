package dev.osprey.app.cli;

/**
 * A failure the command has already put into words for the user. The error handler prints
 * {@code osprey: <message>} and exits with {@link #exitCode()}; no stack trace unless {@code --verbose}.
 */
public final class CliException extends Exception {
    private final int exitCode;

    public CliException(String message) {
        this(message, ExitCodes.FAILURE, null);
    }

    public CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CliException cancelled() {
        return new CliException("Cancelled; the workspace is unchanged.", ExitCodes.CANCELLED, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
