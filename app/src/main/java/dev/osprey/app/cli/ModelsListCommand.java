package dev.osprey.app.cli;

import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegisteredModel;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code osprey models list}: one row per registered model. */
@Command(name = "list", description = "List the registered models: name, versions, latest version's status, aliases, created.")
final class ModelsListCommand extends HeadlessCommand {
    @Override
    public Integer call() throws Exception {
        Path workspace = root().resolveWorkspace(err());
        TextTable table = new TextTable(List.of("NAME", "VERSIONS", "LATEST", "STATUS", "ALIASES", "CREATED"),
                false, true, true, false, false, false);
        int count = 0;
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            for (RegisteredModel m : session.engine().registry().models()) {
                List<ModelVersion> versions = session.engine().registry().versions(m.name());
                List<String> aliases = new ArrayList<>();
                m.aliases().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> aliases.add(e.getKey() + "=" + e.getValue()));
                table.add(List.of(m.name(), Integer.toString(versions.size()), Integer.toString(m.latestVersion()),
                        versions.getFirst().status().name(), aliases.isEmpty() ? "-" : String.join(",", aliases),
                        m.createdAt() == null ? "" : ModelCards.TIME.format(m.createdAt().atZone(ZoneId.systemDefault()))));
                count++;
            }
        }
        if (count == 0) {
            out().println("No registered models in " + workspace + ". Register one with: osprey train ... --register NAME");
            out().flush();
        } else {
            table.print(out());
        }
        return ExitCodes.OK;
    }
}
