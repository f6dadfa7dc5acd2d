package dev.osprey.app.cli;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DataException;
import dev.osprey.core.wrangle.ApplyResult;
import dev.osprey.core.wrangle.RecipeVersion;
import dev.osprey.core.wrangle.WrangleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code osprey data apply --recipe NAME --to DATASET [--version N] [--name NEW | --output FILE]}: runs a saved
 * recipe, with the values it learned when it was saved, over every row of a dataset.
 */
@Command(name = "apply", description = "Apply a saved recipe to a dataset: the result becomes a new dataset, or a file"
        + " with --output. Fitted values (means, categories, bins) are the ones stored with the recipe.")
final class DataApplyCommand extends HeadlessCommand {
    @Option(names = "--recipe", required = true, paramLabel = "NAME", description = "The saved recipe.")
    private String recipe;

    @Option(names = "--to", required = true, paramLabel = "DATASET", description = "The dataset to apply it to.")
    private String to;

    @Option(names = "--recipe-version", paramLabel = "N", description = "The recipe version. Default: the latest.")
    private Integer version;

    @Option(names = "--name", paramLabel = "NEW", description = "The new dataset's name. Default: DATASET_RECIPE.")
    private String name;

    @Option(names = "--output", paramLabel = "FILE", description = "Write a file instead (.parquet, or .csv) and add no dataset.")
    private Path output;

    @Override
    public Integer call() throws Exception {
        if (output != null && name != null) {
            throw new CliException("Give either --name (a new dataset) or --output (a file), not both.", ExitCodes.USAGE, null);
        }
        Path file = output == null ? null : resolve(output);
        if (file != null) {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".parquet") && !lower.endsWith(".csv")) {
                throw new CliException("The output file must end in .parquet or .csv: " + file, ExitCodes.USAGE, null);
            }
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new CliException("There is no folder " + file.getParent() + " to write " + file.getFileName() + " into.");
            }
        }
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            var recipes = session.engine().recipes();
            Dataset source = session.engine().datasets().find(to).orElseThrow(() -> noDataset(session));
            RecipeVersion v = fail(() -> recipes.savedVersion(recipe, version));
            String label = "recipe '" + v.name() + "' v" + v.version();
            if (file != null) {
                ApplyResult r = session.run("Applying " + label + " to " + source.name(),
                        context -> fail(() -> recipes.applyToFile(source.id(), v.fitted(), file, context)));
                notes(r.notes());
                out().printf("Applied %s to %s: %,d rows, %d columns -> %s%n", label, source.name(), r.rows(),
                        r.columns().size(), r.file());
            } else {
                String newName = name != null ? name : defaultName(source.name(), v.name());
                Dataset d = session.run("Applying " + label + " to " + source.name(),
                        context -> fail(() -> recipes.applySaved(v.name(), v.version(), source.id(), newName, context)));
                out().printf("Applied %s to %s: %,d rows, %d columns -> dataset %s%n", label, source.name(), d.rowCount(),
                        d.columns().size(), d.name());
            }
            out().flush();
        }
        return ExitCodes.OK;
    }

    static String defaultName(String dataset, String recipe) {
        String n = (dataset + "_" + recipe).replaceAll("[^A-Za-z0-9_\\-]", "_");
        return n.length() > 100 ? n.substring(0, 100) : n;
    }

    private void notes(List<String> notes) {
        notes.forEach(n -> err().println("note: " + n));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws WrangleException;
    }

    /** A recipe failure is a message for the user, not a stack trace. */
    private static <T> T fail(Work<T> work) throws CliException {
        try {
            return work.run();
        } catch (WrangleException e) {
            throw new CliException(e.getMessage(), ExitCodes.FAILURE, e);
        }
    }

    private CliException noDataset(HeadlessSession session) {
        try {
            List<String> names = session.engine().datasets().list().stream().map(Dataset::name).toList();
            return new CliException("There is no dataset '" + to + "'. "
                    + (names.isEmpty() ? "The workspace has no datasets." : "The datasets are: " + String.join(", ", names) + "."));
        } catch (DataException e) {
            return new CliException("There is no dataset '" + to + "'.");
        }
    }
}
