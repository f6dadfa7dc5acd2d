package dev.osprey.app.cli;

import dev.osprey.core.registry.ApprovalStatus;
import dev.osprey.core.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code osprey models approve|reject NAME:VERSION}: sets a version's approval status. */
abstract class ModelsStatusCommand extends HeadlessCommand {
    @Parameters(index = "0", paramLabel = "NAME:VERSION")
    private String model;

    abstract ApprovalStatus status();

    @Override
    public Integer call() throws Exception {
        ModelRef ref = ModelsAliasCommand.parse(spec, model, true);
        try (HeadlessSession session = HeadlessSession.open(env(), err(), root().resolveWorkspace(err()))) {
            ModelVersion v = session.engine().registry().setStatus(ref.name(), ref.version().orElseThrow(), status());
            out().printf("%s:%d is %s%n", v.name(), v.version(), v.status());
            out().flush();
        }
        return ExitCodes.OK;
    }

    @Command(name = "approve", description = "Approve a version (it may be deployed).")
    static final class Approve extends ModelsStatusCommand {
        @Override
        ApprovalStatus status() {
            return ApprovalStatus.APPROVED;
        }
    }

    @Command(name = "reject", description = "Reject a version.")
    static final class Reject extends ModelsStatusCommand {
        @Override
        ApprovalStatus status() {
            return ApprovalStatus.REJECTED;
        }
    }
}
