package dev.osprey.app.cli;

import picocli.CommandLine.Command;

/** {@code osprey workspace ...}: create and inspect workspaces. */
@Command(name = "workspace", description = "Create and inspect workspaces.",
        subcommands = {WorkspaceInitCommand.class})
final class WorkspaceCommand extends GroupCommand {
}
