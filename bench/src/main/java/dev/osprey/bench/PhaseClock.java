package dev.osprey.bench;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.TrainingEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where an Osprey training job spends its time, from the job's own progress messages and
 * boosting rounds: each new message starts a phase, and the rounds of a boosted fit are split
 * out of the training phase (before the first round: building the matrices; after the last:
 * scoring the holdout). Printed as a comment line so a slow ratio comes with its reason.
 */
final class PhaseClock implements JobContext, Consumer<TrainingEvent> {
    private record Mark(long nanos, String phase) {
    }

    private final long start = System.nanoTime();
    private final List<Mark> marks = new ArrayList<>();
    private String last = "";
    private long firstRound = -1;
    private long lastRound = -1;

    @Override
    public synchronized void progress(double fraction, String message) {
        String phase = message == null ? "" : message.replaceAll(" \\d[\\d,]*.*$", "").strip();
        if (!phase.equals(last)) {
            marks.add(new Mark(System.nanoTime(), phase));
            last = phase;
        }
    }

    @Override
    public void log(String line) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public void onCancel(Runnable hook) {
    }

    @Override
    public synchronized void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.IterationMetric) {
            long now = System.nanoTime();
            if (firstRound < 0) {
                firstRound = now;
            }
            lastRound = now;
        }
    }

    /** "reading 3.1 s, training 12.0 s (before round 1 1.2 s, 100 rounds 9.8 s, after 1.0 s), ..." up to {@code end}. */
    synchronized String summary(long end) {
        List<String> parts = new ArrayList<>();
        long from = start;
        String name = "setup";
        for (Mark m : marks) {
            add(parts, name, from, m.nanos());
            from = m.nanos();
            name = m.phase();
        }
        add(parts, name, from, end);
        return String.join(", ", parts);
    }

    private void add(List<String> parts, String name, long from, long to) {
        if (to - from < 5_000_000L && !name.startsWith("Training")) {
            return;
        }
        String s = String.format(Locale.ROOT, "%s %.2f s", name.isEmpty() ? "?" : name, (to - from) / 1e9);
        if (name.startsWith("Training") && firstRound >= from && lastRound <= to && firstRound > 0) {
            s += String.format(Locale.ROOT, " (to round 1: %.2f s, rounds: %.2f s, after: %.2f s)",
                    (firstRound - from) / 1e9, (lastRound - firstRound) / 1e9, (to - lastRound) / 1e9);
        }
        parts.add(s);
    }
}
