package dev.osprey.app.cli;

import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code osprey}: the root of the command tree. Without a command it opens the studio; each
 * capability is one top-level noun with verbs below it ({@code workspace init}, {@code data import},
 * {@code train}, {@code models}, {@code predict}, later {@code tune}, {@code serve}, {@code batch}, {@code run}, {@code label export}).
 * {@code -w} and {@code --verbose} are inherited, so they work before or after the command.
 */
@Command(name = "osprey",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Osprey ML Studio: label, prepare, train, tune and deploy models on your desktop.",
                "Without a command, opens the studio window on the workspace."},
        synopsisSubcommandLabel = "[COMMAND]",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (bad file, locked workspace, ...)", "2:usage error",
                "130:cancelled with Ctrl+C (the workspace is unchanged)"},
        subcommands = {WorkspaceCommand.class, DataCommand.class, TrainCommand.class, TuneCommand.class, AutomlCommand.class, AlgorithmsCommand.class,
                ModelsCommand.class, PredictCommand.class, ServeCommand.class, BatchCommand.class, RunCommand.class, LabelCommand.class, HelpCommand.class})
public final class OspreyCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The workspace folder. Default: the current folder if it is a workspace, "
                    + "else the sample workspace.")
    private Path workspace;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error (the log file always has it).")
    private boolean verbose;

    public OspreyCommand(CliEnvironment env) {
        this.env = Objects.requireNonNull(env);
    }

    CliEnvironment env() {
        return env;
    }

    boolean verbose() {
        return verbose;
    }

    /** Opens the studio; returns when its window is closed. */
    @Override
    public Integer call() throws CliException {
        env.studio().launch(env.home(), resolveWorkspace(null));
        return ExitCodes.OK;
    }

    /**
     * The workspace a command works on: {@code -w DIR}, else the working folder when it is a
     * workspace, else the sample workspace (created on first use). {@code notes} (may be null) is
     * told when the sample is chosen, so a headless user is never surprised where data went.
     */
    Path resolveWorkspace(PrintWriter notes) throws CliException {
        if (workspace != null) {
            return env.workingDir().resolve(workspace).normalize();
        }
        if (Workspace.isWorkspace(env.workingDir())) {
            return env.workingDir();
        }
        Path sampleDir = env.home().sampleWorkspace();
        Path sample;
        try {
            sample = SampleWorkspace.ensure(sampleDir);
        } catch (Exception e) {
            throw new CliException("Cannot create the sample workspace in " + sampleDir + ": " + e.getMessage(),
                    ExitCodes.FAILURE, e);
        }
        if (notes != null) {
            notes.println("osprey: " + env.workingDir() + " is not a workspace; using the sample workspace "
                    + sample + " (choose one with -w DIR).");
            notes.flush();
        }
        return sample;
    }
}
