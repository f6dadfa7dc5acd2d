package dev.osprey.core.tune;

import dev.osprey.core.job.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The tuning engine, independent of training: runs trials of a {@link TrialFunction}, at most
 * {@code parallelism} at once, within the budget, chooses each trial's parameters with the
 * strategy's sampler and stops trials early with its pruner. With Hyperband a trial can pause at
 * a rung ({@link AshaScheduler}): its thread waits inside {@code report} without a worker slot
 * until the tuner resumes it (a free slot goes to a promotable paused trial before a new one) or
 * stops it. The calling thread samples and waits; a cancel of {@code job} (or an interrupt) stops
 * the running trials and returns what finished. One instance runs one job.
 */
public final class Tuner {
    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);
    private static final long POLL_MILLIS = 50;
    /** How long a stop waits for running trials to notice it; a trial stuck in native code is left behind. */
    private static final long STOP_GRACE_MILLIS = 60_000;

    private final TunerSettings settings;
    private final TrialFunction function;
    private final Consumer<? super TuningEvent> events;
    private final Sampler sampler;
    private final Pruner pruner;
    /** Hyperband's rungs, or null for the other strategies. */
    private final AshaScheduler asha;
    /** Released whenever a trial ends or pauses, so the calling thread fills the slot at once. */
    private final Semaphore wake = new Semaphore(0);
    private final Object lock = new Object();
    /** Held while a finished trial's events are delivered (see evaluate); never taken inside {@link #lock}. */
    private final Object emitLock = new Object();
    private final List<Trial> finished = new ArrayList<>();
    private final List<Sampler.Observation> observations = new ArrayList<>();
    private final Map<Integer, NavigableMap<Integer, Double>> curves = new HashMap<>();
    private final Map<Integer, TrialControl> running = new ConcurrentHashMap<>();
    private Trial best;

    private Tuner(TunerSettings settings, TrialFunction function, Consumer<? super TuningEvent> events) {
        this.settings = settings;
        this.function = function;
        this.events = events;
        this.sampler = Sampler.of(settings);
        this.pruner = Pruner.of(settings);
        this.asha = settings.strategy() == Strategy.HYPERBAND && settings.asha().isPresent()
                ? new AshaScheduler(settings.asha().get(), settings.budget().maxTrials(),
                        Math.max(1, Math.min(maxPaused(settings), function.maxPaused()))) : null;
        for (Trial t : settings.history()) {
            observe(t);
        }
    }

    /** Runs the job to its end (budget, grid done, or a stop) and returns its trials. */
    public static TuningResult run(TunerSettings settings, TrialFunction function, JobContext job,
                                   Consumer<? super TuningEvent> events) {
        if (settings.strategy() == Strategy.HYPERBAND && settings.asha().isEmpty()) {
            throw new IllegalArgumentException("Hyperband needs a resource (the number of steps a trial can run).");
        }
        return new Tuner(settings, function, events == null ? e -> { } : events).run(job == null ? JobContext.NONE : job);
    }

    /**
     * How many Hyperband trials may wait at a rung: each keeps its model and its data (XGBoost's
     * matrices) while it waits, so they are capped (and by {@link TrialFunction#maxPaused}, which
     * knows the data's size); past the cap the one furthest from promotion stops. Three rounds of
     * promotion candidates per worker.
     */
    static int maxPaused(TunerSettings settings) {
        return Math.max(9, 3 * settings.asha().map(AshaSettings::reduction).orElse(3) * settings.parallelism());
    }

    private TuningResult run(JobContext job) {
        long start = System.nanoTime();
        long deadline = settings.budget().maxTime().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
        AtomicInteger threadNumber = new AtomicInteger();
        // not a fixed pool: a paused trial keeps its thread but not its slot; active() counts the slots
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "osprey-trial-" + settings.jobId() + "-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        boolean stopped = false;
        boolean interrupted = false;
        boolean exhausted = false;
        int launched = 0;
        try {
            while (true) {
                if (job.isCancelled()) {
                    stopped = true;
                    break;
                }
                resumePromoted();
                boolean more = !exhausted && launched < settings.budget().maxTrials() && System.nanoTime() < deadline;
                if (!more) {
                    if (running.isEmpty() || System.nanoTime() >= deadline) {
                        break;
                    }
                    if (active() == 0) {
                        // no trial runs or will start: the paused ones can never rank better, so they end here
                        stopPaused();
                    }
                    wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
                if (active() >= settings.parallelism()) {
                    wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
                int number = launched;
                Optional<Map<String, String>> params;
                synchronized (lock) {
                    params = sampler.next(number, List.copyOf(observations), new Random(mix(settings.seed(), number)));
                }
                if (params.isEmpty()) {
                    exhausted = true;
                    continue;
                }
                launched++;
                TrialControl control = new TrialControl(number, this::stepped, wake::release);
                running.put(number, control);
                emit(new TuningEvent.TrialStarted(settings.jobId(), number, params.get()));
                Map<String, String> p = params.get();
                pool.execute(() -> execute(number, p, control));
            }
        } catch (InterruptedException e) {
            stopped = true;
            interrupted = true;
        }
        interrupted |= stopRunning();
        pool.shutdownNow();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            return new TuningResult(settings.jobId(), stopped ? TuningStatus.STOPPED : TuningStatus.FINISHED, finished,
                    Optional.ofNullable(best), settings.objective());
        }
    }

    /** Trials holding a worker slot: running and not paused at a rung. */
    private int active() {
        synchronized (lock) {
            return running.size() - (asha == null ? 0 : asha.pausedCount());
        }
    }

    /** Gives free slots to paused trials that now rank well enough to go on. */
    private void resumePromoted() {
        if (asha == null) {
            return;
        }
        synchronized (lock) {
            while (running.size() - asha.pausedCount() < settings.parallelism()) {
                OptionalInt next = asha.promote();
                if (next.isEmpty()) {
                    break;
                }
                TrialControl c = running.get(next.getAsInt());
                if (c != null) {
                    // emitted under the lock, as its pause was, so a view never hears them in the wrong order
                    emit(new TuningEvent.TrialResumed(settings.jobId(), next.getAsInt()));
                    c.resume();
                }
            }
        }
    }

    /** Ends every paused trial as pruned at its rung. */
    private void stopPaused() {
        List<Integer> ended;
        synchronized (lock) {
            ended = asha == null ? List.of() : asha.drain();
        }
        stopAll(ended);
    }

    private void stopAll(List<Integer> trials) {
        for (int t : trials) {
            TrialControl c = running.get(t);
            if (c != null) {
                c.stop(TrialState.PRUNED);
            }
        }
    }

    /**
     * Tells every running trial to stop (time budget or a stop; a paused one ends as pruned at its
     * rung) and waits for them to record how they ended, even when interrupted meanwhile (the job
     * is stopping anyway); true if it was.
     */
    private boolean stopRunning() {
        running.values().forEach(c -> c.stop(c.isPaused() ? TrialState.PRUNED : TrialState.CANCELLED));
        boolean interrupted = false;
        long until = System.currentTimeMillis() + STOP_GRACE_MILLIS;
        while (!running.isEmpty() && System.currentTimeMillis() < until) {
            try {
                wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!running.isEmpty()) {
            LOG.warn("Tuning job {}: {} trial(s) did not stop within {} s", settings.jobId(), running.size(),
                    STOP_GRACE_MILLIS / 1000);
        }
        return interrupted;
    }

    private void execute(int number, Map<String, String> params, TrialControl control) {
        try {
            evaluate(number, params, control);
        } finally {
            // whatever escaped (an Error in a trial), the slot is freed: a trial left in running would hang the job
            if (running.remove(number) != null) {
                LOG.warn("Tuning job {}: trial {} ended without a result", settings.jobId(), number);
                synchronized (lock) {
                    if (asha != null) {
                        asha.forget(number);
                    }
                }
            }
            wake.release();
        }
    }

    private void evaluate(int number, Map<String, String> params, TrialControl control) {
        long start = System.nanoTime();
        TrialState state;
        OptionalDouble value = OptionalDouble.empty();
        String message = "";
        try {
            double v = function.evaluate(params, control);
            TrialState stop = control.stopState();
            if (stop != null) {
                state = stop;
            } else if (Double.isNaN(v) || Double.isInfinite(v)) {
                state = TrialState.FAILED;
                message = "the objective is not a number (" + v + ")";
            } else {
                state = TrialState.COMPLETE;
                value = OptionalDouble.of(v);
            }
        } catch (Exception | LinkageError e) {
            TrialState stop = control.stopState();
            state = stop != null ? stop : TrialState.FAILED;
            message = stop != null ? "" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (state == TrialState.PRUNED) {
            value = control.lastValue();
            message = "stopped early at step " + control.lastStep();
        } else if (state == TrialState.CANCELLED) {
            message = "stopped before it finished";
        }
        // a trial's duration is its work: the time it waited at a rung is left out
        Trial trial = new Trial(number, params, state, value, control.run(), control.lastStep(),
                Duration.ofNanos(System.nanoTime() - start - control.pausedNanos()), message);
        Trial newBest = null;
        // the listeners (which store the trial: catalog writes) run outside the lock that the other
        // trials' report() takes every round, so they do not stall them; emitLock keeps the events
        // of finished trials in order, and the slot is freed after them so the job ends after them
        synchronized (emitLock) {
            synchronized (lock) {
                if (asha != null) {
                    asha.forget(number);
                }
                finished.add(trial);
                observe(trial);
                if (trial.isComplete() && (best == null
                        || settings.objective().direction().better(trial.value().getAsDouble(), best.value().getAsDouble()))) {
                    best = trial;
                    newBest = trial;
                }
            }
            emit(new TuningEvent.TrialFinished(settings.jobId(), trial));
            if (newBest != null) {
                emit(new TuningEvent.BestChanged(settings.jobId(), newBest));
            }
            running.remove(number);
        }
    }

    /** Adds a finished trial to what the sampler learns from. Called under the lock (or in the constructor). */
    private void observe(Trial t) {
        if (t.isComplete()) {
            observations.add(new Sampler.Observation(t.params(), settings.objective().direction().loss(t.value().getAsDouble()), false));
        } else if (t.state() == TrialState.PRUNED) {
            observations.add(new Sampler.Observation(t.params(), Double.POSITIVE_INFINITY, true));
        }
    }

    private void emit(TuningEvent e) {
        try {
            events.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("A tuning listener failed on {}", e.getClass().getSimpleName(), ex);
        }
    }

    static long mix(long seed, int trial) {
        long z = seed * 0x9E3779B97F4A7C15L + trial + 1;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A trial's step: records its value, decides under the lock whether it goes on, pauses (then
     * marked, and the event sent, before the lock is free for a resume) or stops, then tells the
     * listeners and stops the paused trials the scheduler gave up. The trial acts on the verdict.
     */
    private Pruner.Verdict stepped(TrialControl trial, int step, double value) {
        int number = trial.number();
        Pruner.Verdict verdict;
        List<Integer> hopeless = List.of();
        synchronized (lock) {
            curves.computeIfAbsent(number, n -> new TreeMap<>()).put(step, settings.intermediate().loss(value));
            if (Double.isNaN(value)) {
                verdict = Pruner.Verdict.GO;
            } else if (asha != null) {
                verdict = asha.reached(number, step, curves.get(number));
                hopeless = asha.hopeless();
                if (verdict == Pruner.Verdict.PAUSE && hopeless.contains(number)) {
                    verdict = Pruner.Verdict.STOP;
                }
            } else {
                verdict = pruner.shouldPrune(number, step, curves) ? Pruner.Verdict.STOP : Pruner.Verdict.GO;
            }
            if (verdict == Pruner.Verdict.PAUSE) {
                trial.markPaused();
                // under the lock: the tuner may resume it as soon as the lock is free (pause and resume
                // events are light; the listeners only queue them)
                emit(new TuningEvent.TrialPaused(settings.jobId(), number, step));
            }
        }
        emit(new TuningEvent.IntermediateValue(settings.jobId(), number, step, value));
        stopAll(hopeless.stream().filter(t -> t != number).toList());
        return verdict;
    }
}
