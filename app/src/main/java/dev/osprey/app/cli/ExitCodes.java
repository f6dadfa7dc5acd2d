package dev.osprey.app.cli;

/** The exit codes of every {@code osprey} command; scripts rely on them, so they never change. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and failed: bad file, locked workspace, not a workspace, ... */
    public static final int FAILURE = 1;
    /** The command line itself is wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** The user pressed Ctrl+C (128 + SIGINT, as shells report it). */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
