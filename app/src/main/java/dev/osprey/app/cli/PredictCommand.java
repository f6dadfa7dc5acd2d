package dev.osprey.app.cli;

import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.Prediction;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.workspace.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code osprey predict --model NAME[:VERSION|@ALIAS] --input FILE [--output FILE]}: scores every row
 * of a CSV file with a registered model and writes the rows back with a {@code prediction} column
 * (and {@code probability_CLASS} columns for a classifier). Every row is scored before anything is
 * written, so a bad value stops the command with nothing half-written; the output file is
 * replaced atomically.
 */
@Command(name = "predict", sortOptions = false, description = {"Score a CSV file with a registered model.",
        "Writes the input rows plus 'prediction' (and 'probability_CLASS' for classifiers) as CSV."})
final class PredictCommand extends HeadlessCommand {
    static final String PREDICTION = "prediction";
    static final String PROBABILITY = "probability_";

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "NAME[:VERSION|@ALIAS]",
            description = "The model; without :VERSION or @ALIAS its latest version.")
    private String model;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "A CSV file with a header row naming (at least) the model's input columns; an empty cell is a missing value.")
    private Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the CSV. Default: standard output.")
    private Path output;

    @Override
    public Integer call() throws Exception {
        ModelRef ref = ModelsAliasCommand.parse(spec, model, false);
        Path in = resolve(input);
        if (!Files.isRegularFile(in)) {
            throw new CliException(Files.exists(in) ? in + " is not a file." : "There is no file " + in + ".");
        }
        Path target = output == null ? null : resolve(output);
        if (target != null && Files.isDirectory(target)) {
            throw new CliException(target + " is a folder; give --output a file name.");
        }
        ModelVersion version;
        TrainedModel trained;
        try (HeadlessSession session = HeadlessSession.open(env(), err(), root().resolveWorkspace(err()))) {
            ModelRegistry registry = session.engine().registry();
            version = ref.resolve(registry);
            trained = registry.load(version.name(), version.version());
        }
        CsvTable table = CsvTable.read(in);
        List<String> header = new ArrayList<>(table.header());
        ModelSignature sig = trained.signature();
        List<String> missing = sig.inputNames().stream().filter(n -> !table.header().contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new CliException(in.getFileName() + " has no column " + quoted(missing) + "; the model "
                    + version.name() + ":" + version.version() + " needs " + quoted(sig.inputNames()) + ".");
        }
        header.add(PREDICTION);
        boolean classifier = sig.problemType().isClassification();
        if (classifier) {
            sig.classLabels().forEach(label -> header.add(PROBABILITY + label));
        }
        List<String[]> rows = score(trained, table, in);
        if (target == null) {
            CsvTable.write(out(), header, rows);
        } else {
            AtomicFiles.write(target, stream -> CsvTable.write(
                    new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), header, rows));
            err().printf("Predicted %s rows with %s:%d into %s%n", Numbers.count(rows.size()), version.name(),
                    version.version(), target);
            err().flush();
        }
        return ExitCodes.OK;
    }

    private static List<String[]> score(TrainedModel trained, CsvTable table, Path in) throws CliException {
        ModelSignature sig = trained.signature();
        int[] at = sig.inputNames().stream().mapToInt(table.header()::indexOf).toArray();
        int width = table.header().size() + 1 + (sig.problemType().isClassification() ? sig.classLabels().size() : 0);
        List<String[]> out = new ArrayList<>(table.rows().size());
        Map<String, Object> values = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            values.clear();
            for (int i = 0; i < at.length; i++) {
                values.put(sig.inputNames().get(i), row[at[i]]);
            }
            Prediction p;
            try {
                p = trained.predict(values);
            } catch (IllegalArgumentException e) {
                throw new CliException("Row " + (r + 1) + " of " + in.getFileName() + ": " + e.getMessage() + ".");
            }
            String[] line = java.util.Arrays.copyOf(row, width);
            int c = row.length;
            // a clustering writes the cluster id, -1 for noise (DBSCAN), so the column stays numeric
            line[c++] = sig.problemType() == ProblemType.CLUSTERING ? Long.toString((long) p.value())
                    : p.label().orElseGet(() -> Double.toString(p.value()));
            for (String label : sig.classLabels()) {
                line[c++] = Double.toString(p.probabilities().getOrDefault(label, 0.0));
            }
            out.add(line);
        }
        return out;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
