package dev.osprey.app.cli;

import dev.osprey.core.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code osprey models alias NAME:VERSION ALIAS}: points an alias (e.g. champion) at a version, moving it;
 * {@code osprey models alias NAME ALIAS --remove} takes the alias away.
 */
@Command(name = "alias", description = "Point ALIAS (e.g. champion) at a version; the alias moves from any other version."
        + " With --remove, take the alias away (NAME is enough).")
final class ModelsAliasCommand extends HeadlessCommand {
    @Parameters(index = "0", paramLabel = "NAME:VERSION")
    private String model;

    @Parameters(index = "1", paramLabel = "ALIAS")
    private String alias;

    @Option(names = "--remove", description = "Remove ALIAS from the model instead of setting it.")
    private boolean remove;

    @Override
    public Integer call() throws Exception {
        ModelRef ref = parse(spec, model, !remove);
        try (HeadlessSession session = HeadlessSession.open(env(), err(), root().resolveWorkspace(err()))) {
            if (remove) {
                session.engine().registry().removeAlias(ref.name(), alias);
                out().printf("%s@%s removed%n", ref.name(), alias);
            } else {
                ModelVersion v = session.engine().registry().setAlias(ref.name(), alias, ref.version().orElseThrow());
                out().printf("%s@%s -> %s:%d%n", v.name(), alias, v.name(), v.version());
            }
            out().flush();
        }
        return ExitCodes.OK;
    }

    /** A model reference from the command line; a malformed one is a usage error. */
    static ModelRef parse(CommandSpec spec, String text, boolean exact) {
        try {
            return exact ? ModelRef.parseExact(text) : ModelRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, text);
        }
    }
}
