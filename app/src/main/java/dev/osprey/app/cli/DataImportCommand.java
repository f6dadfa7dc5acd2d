package dev.osprey.app.cli;

import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code osprey data import FILE [--name N] [--format F] [--link]}. */
@Command(name = "import", description = "Import a data file as a dataset. Every row is checked; on any error "
        + "or Ctrl+C nothing is added.")
final class DataImportCommand extends HeadlessCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "A CSV, TSV, Parquet, JSON, JSON Lines or ARFF file (may be .gz).")
    private Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "The dataset name. Default: from the file name.")
    private String name;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "One of ${COMPLETION-CANDIDATES}. Default: from the file name.")
    private DataFormat format;

    @Option(names = "--link", description = "Read the file where it is instead of copying it into the workspace.")
    private boolean link;

    @Override
    public Integer call() throws Exception {
        Path source = resolve(file);
        // Usage errors (a bad name) before failures (a missing file): they are fixed on the command line.
        ImportRequest request;
        try {
            request = new ImportRequest(source, name, format, link ? StorageMode.LINK : StorageMode.COPY);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, name);
        }
        if (!Files.exists(source)) {
            throw new CliException("There is no file " + source + ".");
        }
        if (!Files.isRegularFile(source)) {
            throw new CliException(source + " is not a file.");
        }
        if (!Files.isReadable(source)) {
            throw new CliException("Cannot read " + source + " (permission denied).");
        }
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            Dataset d = session.run("Importing " + source.getFileName(),
                    context -> session.engine().datasets().importFile(request, context));
            out().printf("Imported %s: %,d rows, %d columns (%s, %s) into %s%n", d.name(), d.rowCount(),
                    d.columns().size(), d.format().label(),
                    d.storageMode() == StorageMode.LINK ? "linked" : "copied", workspace);
            out().flush();
        }
        return ExitCodes.OK;
    }
}
