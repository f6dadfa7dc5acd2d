package dev.osprey.app.cli;

import dev.osprey.core.automl.AutoMlEvent;
import dev.osprey.core.automl.AutoMlException;
import dev.osprey.core.automl.AutoMlRequest;
import dev.osprey.core.automl.AutoMlResult;
import dev.osprey.core.automl.LeaderboardEntry;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.quality.QualityWarning;
import dev.osprey.core.tune.TuningEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code osprey automl --data NAME --target COL --minutes M}: checks the data, tunes the candidate
 * algorithms within the time budget under cross-validation, and prints the data warnings, the
 * leaderboard and the winner's feature importance; {@code --register} registers the winner.
 */
@Command(name = "automl", sortOptions = false, description = {"Find a good algorithm and its hyperparameters within a time budget.",
        "The leaderboard goes to stdout; each candidate's progress to stderr."})
final class AutomlCommand extends HeadlessCommand {
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "NAME", description = "A dataset of the workspace.")
    private String data;

    @Option(names = {"-t", "--target"}, required = true, paramLabel = "COL", description = "The column to predict.")
    private String target;

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10", description = "The time budget in minutes (decimals allowed). Default: ${DEFAULT-VALUE}.")
    private double minutes;

    @Option(names = "--metric", paramLabel = "METRIC", description = "The metric to rank by. Default: rmse, roc_auc or accuracy.")
    private String metric;

    @Option(names = "--candidates", paramLabel = "ALG", split = ",", description = "Only these algorithms, e.g. xgboost,ridge. Default: all that suit the problem.")
    private List<String> candidates = new ArrayList<>();

    @Option(names = "--folds", paramLabel = "K", defaultValue = "3", description = "Cross-validation folds. Default: ${DEFAULT-VALUE}.")
    private int folds;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "30", description = "At most N trials per candidate. Default: ${DEFAULT-VALUE}.")
    private int trials;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "Trials at once. Default: ${DEFAULT-VALUE}.")
    private int parallel;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--register", paramLabel = "NAME", description = "Register the winner as the next version of NAME.")
    private String register;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw usage("--minutes must be more than 0 and at most 1440, not " + Numbers.metric(minutes) + ".", String.valueOf(minutes));
        }
        if (register != null && !MODEL_NAME.matcher(register).matches()) {
            throw usage("A model name uses letters, digits, '.', '_' and '-', starts with a letter or digit and has at"
                    + " most 64 characters; '" + register + "' does not.", register);
        }
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            Dataset dataset = session.engine().datasets().find(data).orElseThrow(() -> new CliException(
                    "There is no dataset '" + data + "'."));
            AutoMlRequest request;
            try {
                request = AutoMlRequest.of(dataset.id(), target, Duration.ofMillis(Math.round(minutes * 60_000)))
                        .withMetric(metric).withFolds(folds).withSeed(seed).withCandidates(candidates).withParallelism(parallel)
                        .withMaxTrialsPerCandidate(trials).withRegisterAs(register);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage(), target);
            }
            AutoMlRequest r = request;
            AutoMlResult result = session.run("AutoML on " + dataset.name(), context -> {
                try {
                    return session.engine().automl().run(r, context, this::progress);
                } catch (AutoMlException e) {
                    throw new CliException(e.getMessage(), ExitCodes.FAILURE, e);
                }
            });
            print(result);
        }
        return ExitCodes.OK;
    }

    /** One stderr line per candidate event worth reading (trials are many: only their count at the end). */
    private synchronized void progress(AutoMlEvent event) {
        switch (event) {
            case AutoMlEvent.ChecksDone c -> err().printf("%s model, ranked by %s; candidates: %s%n",
                    c.problemType().name().toLowerCase(Locale.ROOT), c.objective(), String.join(", ", c.candidates()));
            case AutoMlEvent.CandidateStarted s -> err().printf("Tuning %s for up to %s ...%n", s.algorithm(),
                    Numbers.seconds(s.budget().toMillis() / 1000.0));
            case AutoMlEvent.CandidateFinished f -> err().printf("  %s: %s%n", f.algorithm(), f.entry()
                    .map(e -> e.trials() + " trials, best " + Numbers.metric(e.value())).orElse(f.message()));
            case AutoMlEvent.CandidateProgress p when p.event() instanceof TuningEvent.BestChanged b ->
                    err().printf("  %s trial %d: %s%n", p.algorithm(), b.best().number(), Numbers.metric(b.best().value().getAsDouble()));
            default -> {
                return;
            }
        }
        err().flush();
    }

    private void print(AutoMlResult r) {
        if (!r.checks().isEmpty()) {
            out().println("Data checks:");
            for (QualityWarning w : r.checks()) {
                out().printf("  %-6s %s%n", w.severity().label(), w.message());
            }
            out().println();
        }
        out().printf("Leaderboard (%s, %s model, %d-fold cross-validation)%s:%n", r.objective(),
                r.problemType().name().toLowerCase(Locale.ROOT), folds, r.stopped() ? ", stopped" : "");
        TextTable t = new TextTable(List.of("RANK", "ALGORITHM", r.objective().metric().toUpperCase(Locale.ROOT), "TRIALS",
                "TIME", "RUN", "PARAMS"), true, false, true, true, true, true, false);
        for (LeaderboardEntry e : r.leaderboard()) {
            t.add(List.of(Integer.toString(e.rank()), e.algorithm(), Numbers.metric(e.value()), Integer.toString(e.trials()),
                    Numbers.seconds(e.elapsed().toMillis() / 1000.0), Long.toString(e.run().value()),
                    TuneCommand.TrialPrinter.params(e.params())));
        }
        t.print(out());
        for (String note : r.notes()) {
            out().println("Note: " + note);
        }
        r.best().ifPresent(best -> {
            out().println();
            out().printf("Best: %s (%s %s), run %d%n", best.displayName(), r.objective().metric(), Numbers.metric(best.value()),
                    best.run().value());
            r.importance().filter(i -> !i.byColumn().isEmpty()).ifPresent(i -> {
                out().println();
                ModelCards.importance(i, 10).print(out());
            });
        });
        r.registered().ifPresent(v -> out().printf("%nRegistered: %s:%d (%s)%n", v.name(), v.version(), v.status()));
        out().flush();
    }

    private ParameterException usage(String message, String value) {
        return new ParameterException(spec.commandLine(), message, null, null, value);
    }
}
