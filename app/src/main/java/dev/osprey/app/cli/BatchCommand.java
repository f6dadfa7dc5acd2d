package dev.osprey.app.cli;

import dev.osprey.core.deploy.BatchException;
import dev.osprey.core.deploy.BatchRequest;
import dev.osprey.core.deploy.BatchSummary;
import dev.osprey.core.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code osprey batch --model NAME:VERSION --input FILE --output FILE [--join-input]}: batch transform.
 * Streams a CSV, TSV, Parquet, JSON Lines or JSON file of any size through a model version on all
 * cores; rows that cannot be scored go to {@code OUTPUT.rejected.csv} with their line and reason.
 * Progress on stderr, Ctrl+C cancels (no output is written), the summary on stdout.
 */
@Command(name = "batch", sortOptions = false, description = {"Batch transform: score a file of any size with a model version.",
        "Writes CSV (or JSON Lines for a .jsonl output) in input order; rejected rows go to OUTPUT.rejected.csv."})
final class BatchCommand extends HeadlessCommand {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "NAME:VERSION", description = "The model version.")
    private String model;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "CSV/TSV (with a header), Parquet, JSON Lines or JSON, with (at least) the model's input columns.")
    private Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The output file (.csv or .jsonl).")
    private Path output;

    @Option(names = "--join-input", description = "Start every output row with the input row's columns.")
    private boolean joinInput;

    @Override
    public Integer call() throws Exception {
        ModelRef ref = ModelsAliasCommand.parse(spec, model, true);
        Path in = resolve(input);
        Path out = resolve(output);
        if (!Files.isRegularFile(in)) {
            throw new CliException(Files.exists(in) ? in + " is not a file." : "There is no file " + in + ".");
        }
        if (Files.isDirectory(out)) {
            throw new CliException(out + " is a folder; give --output a file name.");
        }
        BatchRequest request;
        try {
            request = new BatchRequest(ref.name(), ref.version().orElseThrow(), in, out, joinInput);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (HeadlessSession session = HeadlessSession.open(env(), err(), root().resolveWorkspace(err()))) {
            ModelVersion v = ref.resolve(session.engine().registry());
            BatchSummary s;
            try {
                s = session.run("Batch transform with " + v.name() + ":" + v.version(),
                        ctx -> session.engine().batch().run(request, ctx));
            } catch (BatchException e) {
                throw new CliException(e.getMessage(), ExitCodes.FAILURE, e);
            } catch (CliException e) {
                if (e.exitCode() == ExitCodes.CANCELLED) {
                    throw new CliException("Batch transform cancelled; " + out.getFileName() + " was not written.",
                            ExitCodes.CANCELLED, null);
                }
                throw e;
            }
            // A rate says something only over a while: 4 rows in 40 ms are not "100 rows/s".
            double seconds = s.elapsed().toNanos() / 1e9;
            out().printf(Locale.ROOT, "Scored %,d rows with %s:%d into %s in %.2f s%s%n", s.rowsScored(), v.name(),
                    v.version(), s.output(), seconds, seconds >= 1 ? String.format(Locale.ROOT, " (%,.0f rows/s)", s.rowsPerSecond()) : "");
            if (s.rowsRejected() > 0) {
                out().printf(Locale.ROOT, "Rejected %,d rows; line and reason of each in %s%n", s.rowsRejected(),
                        s.rejectedFile().orElseThrow());
            }
            out().flush();
        }
        return ExitCodes.OK;
    }
}
