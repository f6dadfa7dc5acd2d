package dev.osprey.app.cli;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.StorageMode;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code osprey data list}: one aligned row per dataset. */
@Command(name = "list", description = "List the workspace's datasets: name, rows, columns, format, storage, created.")
final class DataListCommand extends HeadlessCommand {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Override
    public Integer call() throws Exception {
        Path workspace = root().resolveWorkspace(err());
        List<Dataset> datasets;
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            datasets = session.engine().datasets().list();
        }
        if (datasets.isEmpty()) {
            out().println("No datasets in " + workspace + ". Import one with: osprey data import FILE");
            out().flush();
            return ExitCodes.OK;
        }
        TextTable table = new TextTable(List.of("NAME", "ROWS", "COLUMNS", "FORMAT", "STORAGE", "CREATED"),
                false, true, true, false, false, false);
        for (Dataset d : datasets) {
            table.add(List.of(d.name(), String.format(Locale.ROOT, "%,d", d.rowCount()),
                    Integer.toString(d.columns().size()), d.format().label(),
                    d.storageMode() == StorageMode.LINK ? "link" : "copy",
                    d.createdAt() == null ? "" : CREATED.format(d.createdAt().atZone(ZoneId.systemDefault()))));
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
