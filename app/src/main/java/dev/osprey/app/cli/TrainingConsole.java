package dev.osprey.app.cli;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.TrainingEvent;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a headless training shows on stderr. Boosting rounds update the progress line ("fold 2/5,
 * round 40/100: valid logloss 0.2511"), which is throttled like any progress; finished folds and
 * the data notes of the training (a dropped constant column, filled missing values) are printed
 * as lines of their own, since a user wants to keep them. Wraps the job's context: cancel and the
 * job log go through to it, progress is drawn here.
 */
final class TrainingConsole implements JobContext, Consumer<TrainingEvent> {
    /** The fold metrics worth a line, in this order; the full table comes at the end. */
    private static final List<String> FOLD_METRICS = List.of("rmse", "mae", "r2", "accuracy", "f1_macro", "roc_auc",
            "log_loss");

    private final JobContext job;
    private final ProgressPrinter printer;
    private final PrintWriter err;
    private final int folds;
    private final int rounds;

    /** {@code folds} 1 for a holdout; {@code rounds} 0 when the algorithm does not boost. */
    TrainingConsole(JobContext job, ProgressPrinter printer, PrintWriter err, int folds, int rounds) {
        this.job = job;
        this.printer = printer;
        this.err = err;
        this.folds = folds;
        this.rounds = rounds;
    }

    @Override
    public void progress(double fraction, String message) {
        printer.progress(fraction, message);
    }

    @Override
    public void log(String line) {
        job.log(line);
        line("note: " + line);
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }

    @Override
    public void onCancel(Runnable hook) {
        job.onCancel(hook);
    }

    @Override
    public void accept(TrainingEvent event) {
        switch (event) {
            case TrainingEvent.IterationMetric m -> printer.progress(fraction(m.fold(), m.iteration()), iteration(m));
            case TrainingEvent.FoldCompleted f -> {
                if (f.folds() > 1) {
                    line("fold " + f.fold() + "/" + f.folds() + ": " + summary(f.metrics()));
                }
            }
        }
    }

    /** The share of the whole job done after {@code round} of {@code fold} (0 = the final fit on all rows). */
    double fraction(int fold, int round) {
        if (rounds <= 0) {
            return -1;
        }
        int steps = folds > 1 ? folds + 1 : 1;
        int done = folds > 1 ? (fold == 0 ? folds : fold - 1) : 0;
        return (done + Math.min(1.0, (double) round / rounds)) / steps;
    }

    String iteration(TrainingEvent.IterationMetric m) {
        StringBuilder sb = new StringBuilder();
        if (folds > 1) {
            sb.append(m.fold() == 0 ? "final fit" : "fold " + m.fold() + "/" + folds).append(", ");
        }
        sb.append("round ").append(m.iteration());
        if (rounds > 0) {
            sb.append('/').append(rounds);
        }
        sb.append(": train ").append(m.metric()).append(' ').append(Numbers.metric(m.trainValue()));
        if (!Double.isNaN(m.validValue())) {
            sb.append(", valid ").append(m.metric()).append(' ').append(Numbers.metric(m.validValue()));
        }
        return sb.toString();
    }

    static String summary(Map<String, Double> metrics) {
        List<String> parts = new ArrayList<>();
        for (String k : FOLD_METRICS) {
            Double v = metrics.get(k);
            if (v != null) {
                parts.add(k + " " + Numbers.metric(v));
            }
        }
        if (parts.isEmpty()) {
            metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(4)
                    .forEach(e -> parts.add(e.getKey() + " " + Numbers.metric(e.getValue())));
        }
        return String.join(", ", parts);
    }

    /** A line that stays: the progress line (if any) is erased first and redrawn by the next update. */
    void line(String line) {
        synchronized (printer) {
            printer.finish();
            err.println(line);
            err.flush();
        }
    }

    /** Erases the progress line; call when the training has ended. */
    void finish() {
        printer.finish();
    }
}
