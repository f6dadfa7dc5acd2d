package dev.osprey.app.cli;

import dev.osprey.core.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code osprey workspace init DIR}. */
@Command(name = "init", description = "Create a new, empty workspace in DIR (created if missing).")
final class WorkspaceInitCommand extends HeadlessCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder; it may exist but must not be a workspace yet.")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        Path target = resolve(dir);
        // The full engine, not just the catalog: whatever it sets up on first open is in place.
        Engine.create(target).close();
        out().println("Created an Osprey workspace in " + target + ".");
        return ExitCodes.OK;
    }
}
