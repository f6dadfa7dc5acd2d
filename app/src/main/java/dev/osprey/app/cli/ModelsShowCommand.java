package dev.osprey.app.cli;

import dev.osprey.core.experiment.Run;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Optional;

/** {@code osprey models show NAME[:VERSION|@ALIAS]}: the model card. */
@Command(name = "show", description = "Show a model version's card: signature, metrics, importance, status, aliases,"
        + " provenance. Without :VERSION or @ALIAS, the latest version.")
final class ModelsShowCommand extends HeadlessCommand {
    @Parameters(index = "0", paramLabel = "NAME[:VERSION|@ALIAS]")
    private String model;

    @Override
    public Integer call() throws Exception {
        ModelRef ref = ModelsAliasCommand.parse(spec, model, false);
        try (HeadlessSession session = HeadlessSession.open(env(), err(), root().resolveWorkspace(err()))) {
            ModelRegistry registry = session.engine().registry();
            ModelVersion v = ref.resolve(registry);
            TrainedModel loaded = registry.load(v.name(), v.version());
            Optional<Run> run = v.run().isEmpty() ? Optional.empty() : session.engine().experiments().find(v.run().get());
            ModelCards.print(out(), v, registry.versions(v.name()), loaded, run);
        }
        return ExitCodes.OK;
    }
}
