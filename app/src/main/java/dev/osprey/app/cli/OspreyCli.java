package dev.osprey.app.cli;

import picocli.CommandLine;

/** Builds the configured command line; {@code Osprey.main} and the tests both start here. */
public final class OspreyCli {
    private OspreyCli() {
    }

    public static CommandLine create(CliEnvironment env) {
        ErrorReporter errors = new ErrorReporter();
        CommandLine cl = new CommandLine(new OspreyCommand(env));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        return cl;
    }

    /** True when the parsed command line opens the studio (no command, no --help or --version). */
    public static boolean opensStudio(CommandLine.ParseResult parsed) {
        return !parsed.hasSubcommand() && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
    }
}
