package dev.osprey.app.cli;

import dev.osprey.core.label.GoldItems;
import dev.osprey.core.label.LabelException;
import dev.osprey.core.label.LabelFormat;
import dev.osprey.core.label.LabelItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code osprey label gold}: the job owner's known answers, against which annotators are scored in {@code label stats}. */
@Command(name = "gold", description = "Mark gold items (the owner's known answers): --item N --label CLASS[,CLASS] for one item, "
        + "--file FILE --format F for many; --clear N removes one; with none of them, lists the gold items.")
final class LabelGoldCommand extends HeadlessCommand {
    @Option(names = "--job", required = true, paramLabel = "NAME")
    String job;
    @Option(names = "--item", paramLabel = "N", description = "The item's number in the job (1 = first).")
    Integer item;
    @Option(names = "--label", split = ",", paramLabel = "CLASS", description = "The true class(es) of --item.")
    List<String> label;
    @Option(names = "--file", paramLabel = "FILE", description = "Gold answers in a label format, matched to the job's items by source.")
    Path file;
    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "The format of --file (default csv).")
    String format;
    @Option(names = "--clear", paramLabel = "N", description = "Removes the gold answer of item N.")
    Integer clear;

    @Override
    public Integer call() throws Exception {
        int modes = (item != null ? 1 : 0) + (file != null ? 1 : 0) + (clear != null ? 1 : 0);
        if (modes > 1) {
            throw new CliException("give one of --item, --file or --clear", ExitCodes.USAGE, null);
        }
        if (item != null && (label == null || label.isEmpty())) {
            throw new CliException("--item needs --label CLASS", ExitCodes.USAGE, null);
        }
        Path in = file == null ? null : resolve(file);
        if (in != null && !Files.exists(in)) {
            throw new CliException(in + " does not exist");
        }
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            GoldItems gold = new GoldItems(session.engine().labeling());
            if (item != null) {
                LabelItem marked = gold.markClasses(job, item, label);
                out().println("Item " + item + " (" + shorten(marked.source()) + ") is gold: " + String.join(", ", label) + ".");
            } else if (in != null) {
                out().println("Marked " + gold.importFile(job, LabelFormat.parse(format), in) + " gold items from " + in.getFileName() + ".");
            } else if (clear != null) {
                gold.clear(job, clear);
                out().println("Item " + clear + " is no longer gold.");
            } else {
                List<LabelItem> items = gold.list(job);
                if (items.isEmpty()) {
                    out().println("Job '" + job + "' has no gold items. Mark one with --item N --label CLASS.");
                }
                for (LabelItem i : items) {
                    out().println((i.position() + 1) + "\t" + shorten(i.source()));
                }
            }
            out().flush();
            return ExitCodes.OK;
        } catch (LabelException | IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
