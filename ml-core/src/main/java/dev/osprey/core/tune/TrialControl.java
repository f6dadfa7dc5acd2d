package dev.osprey.core.tune;

import dev.osprey.core.experiment.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One running trial as its {@link TrialFunction} sees it: each reported step goes to the tuner,
 * which decides whether it goes on, pauses at a Hyperband rung or stops. A paused trial waits
 * inside {@link #report} (its worker slot given up) until {@link #resume} or {@link #stop};
 * {@code stop} makes {@code report} return false and runs the stop hooks (the training's cancel).
 */
final class TrialControl implements TrialReporter {
    private static final Logger LOG = LoggerFactory.getLogger(TrialControl.class);

    /** The tuner's side of a step: record it and decide (see {@code Tuner.stepped}). */
    @FunctionalInterface
    interface Steps {
        Pruner.Verdict stepped(TrialControl trial, int step, double value);
    }

    private final int number;
    private final Steps steps;
    /** Tells the tuner a slot is free: this trial now waits. */
    private final Runnable onPause;
    private final List<Runnable> hooks = new ArrayList<>();
    private volatile TrialState stopState;
    /** Guarded by this: waiting at a rung. */
    private boolean paused;
    private volatile long pausedNanos;
    private volatile RunId run;
    private volatile int lastStep;
    private volatile double last = Double.NaN;

    TrialControl(int number, Steps steps, Runnable onPause) {
        this.number = number;
        this.steps = steps;
        this.onPause = onPause;
    }

    int number() {
        return number;
    }

    @Override
    public boolean report(int step, double value) {
        if (stopState != null) {
            return false;
        }
        lastStep = step;
        last = value;
        Pruner.Verdict verdict = steps.stepped(this, step, value);
        if (verdict == Pruner.Verdict.STOP) {
            stop(TrialState.PRUNED);
        } else if (verdict == Pruner.Verdict.PAUSE) {
            awaitResume();
        }
        return stopState == null;
    }

    /** Marks the trial as waiting; the tuner calls it under its lock when the scheduler says pause. */
    synchronized void markPaused() {
        paused = true;
    }

    /** Waits at a rung, its slot given up (the tuner may start another trial), until resumed or stopped. */
    private void awaitResume() {
        onPause.run();
        long t0 = System.nanoTime();
        try {
            synchronized (this) {
                while (paused && stopState == null) {
                    wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(TrialState.CANCELLED);
        } finally {
            pausedNanos += System.nanoTime() - t0;
        }
    }

    synchronized boolean isPaused() {
        return paused && stopState == null;
    }

    /** Lets a paused trial go on (called under the tuner's lock once the scheduler promoted it). */
    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** How long it waited at rungs. */
    long pausedNanos() {
        return pausedNanos;
    }

    @Override
    public boolean shouldStop() {
        return stopState != null;
    }

    @Override
    public void attachRun(RunId runId) {
        this.run = runId;
    }

    Optional<RunId> run() {
        return Optional.ofNullable(run);
    }

    @Override
    public void onStop(Runnable hook) {
        boolean now;
        synchronized (hooks) {
            now = stopState != null;
            if (!now) {
                hooks.add(hook);
            }
        }
        if (now) {
            hook.run();
        }
    }

    /** Stops the trial (the first reason wins): a paused one wakes, the hooks run. */
    void stop(TrialState why) {
        List<Runnable> toRun;
        synchronized (hooks) {
            if (stopState != null) {
                return;
            }
            stopState = why;
            toRun = List.copyOf(hooks);
        }
        synchronized (this) {
            notifyAll();
        }
        for (Runnable h : toRun) {
            try {
                h.run();
            } catch (RuntimeException e) {
                LOG.warn("A stop hook of trial {} failed", number, e);
            }
        }
    }

    TrialState stopState() {
        return stopState;
    }

    int lastStep() {
        return lastStep;
    }

    OptionalDouble lastValue() {
        return Double.isNaN(last) ? OptionalDouble.empty() : OptionalDouble.of(last);
    }
}
