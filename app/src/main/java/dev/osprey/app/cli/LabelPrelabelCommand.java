package dev.osprey.app.cli;

import dev.osprey.core.label.LabelException;
import dev.osprey.core.label.LabelFormat;
import dev.osprey.core.label.PreLabeler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code osprey label prelabel}: a model's predictions (or another tool's file) as suggestions annotators accept or fix. */
@Command(name = "prelabel", description = "Pre-label the items people still have to label: a model trained from labels "
        + "(osprey label train, then registered) suggests a class for each; or --from FILE brings another tool's "
        + "predictions (boxes, spans or classes, in any label format) in as suggestions.")
final class LabelPrelabelCommand extends HeadlessCommand {
    @Option(names = "--job", required = true, paramLabel = "NAME")
    String job;
    @Option(names = "--model", paramLabel = "NAME[:VERSION]", description = "A registered model; the latest version when none is given.")
    String model;
    @Option(names = "--from", paramLabel = "FILE", description = "Predictions in a label format (a folder for yolo and voc).")
    Path from;
    @Option(names = "--format", defaultValue = "groundtruth", paramLabel = "FORMAT",
            description = "The format of --from: groundtruth (default), coco, yolo, voc, conll or csv.")
    String format;

    @Override
    public Integer call() throws Exception {
        if ((model == null) == (from == null)) {
            throw new CliException("give either --model NAME[:VERSION] or --from FILE", ExitCodes.USAGE, null);
        }
        Path in = from == null ? null : resolve(from);
        if (in != null && !Files.exists(in)) {
            throw new CliException(in + " does not exist");
        }
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            var engine = session.engine();
            PreLabeler pre = new PreLabeler(engine.workspace(), engine.labeling(), engine.registry());
            if (in != null) {
                int n = pre.fromFile(job, LabelFormat.parse(format), in);
                out().println("Stored suggestions for " + n + " items of job '" + job + "' from " + in.getFileName() + ".");
            } else {
                PreLabeler.Report r = session.run("Pre-label " + job + " with " + model, ctx -> pre.run(job, model, ctx));
                out().printf(Locale.ROOT, "Model %s suggested a class for %d items (%d already labelled by people).%n",
                        r.model(), r.suggested(), r.alreadyLabelled());
                r.perClass().forEach((k, v) -> out().printf(Locale.ROOT, "  %-20s %d%n", k, v));
            }
            out().flush();
            return ExitCodes.OK;
        } catch (LabelException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
