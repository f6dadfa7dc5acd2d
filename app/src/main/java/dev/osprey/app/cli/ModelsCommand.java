package dev.osprey.app.cli;

import picocli.CommandLine.Command;

/** {@code osprey models ...}: the workspace's model registry. */
@Command(name = "models", description = "List, inspect, alias and approve registered models.",
        subcommands = {ModelsListCommand.class, ModelsShowCommand.class, ModelsAliasCommand.class,
                ModelsStatusCommand.Approve.class, ModelsStatusCommand.Reject.class})
final class ModelsCommand extends GroupCommand {
}
