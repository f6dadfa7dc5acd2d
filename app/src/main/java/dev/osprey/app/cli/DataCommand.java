package dev.osprey.app.cli;

import picocli.CommandLine.Command;

/** {@code osprey data ...}: the workspace's datasets. */
@Command(name = "data", description = "Import and list the workspace's datasets.",
        subcommands = {DataImportCommand.class, DataListCommand.class, DataProfileCommand.class, DataApplyCommand.class})
final class DataCommand extends GroupCommand {
}
