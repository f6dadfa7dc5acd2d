package dev.osprey.core.tune;

import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.osprey.core.tune.Pruner.Verdict.GO;
import static dev.osprey.core.tune.Pruner.Verdict.PAUSE;
import static dev.osprey.core.tune.Pruner.Verdict.STOP;
import static org.assertj.core.api.Assertions.assertThat;

/** Hyperband's trials pause at a rung and resume when they rank well enough (ASHA as in the paper). */
class AshaSchedulerTest {
    private static final AshaSettings RUNGS_3_9 = new AshaSettings(3, 27, 3, 1);

    private static NavigableMap<Integer, Double> at(int step, double loss) {
        NavigableMap<Integer, Double> c = new TreeMap<>();
        c.put(step, loss);
        return c;
    }

    @Test
    void theFirstTrialsOfARungWaitForRivalsAndTheBestOfThemGoesOn() {
        AshaScheduler s = new AshaScheduler(RUNGS_3_9, 27, 9);
        assertThat(s.reached(0, 1, at(1, 0.9))).isEqualTo(GO);
        // alone at the rung: one of one is not in the best third, so it waits
        assertThat(s.reached(0, 3, at(3, 0.5))).isEqualTo(PAUSE);
        assertThat(s.reached(1, 3, at(3, 0.7))).isEqualTo(PAUSE);
        assertThat(s.promote()).isEmpty();
        // a third trial, worse than both: the best third of three is one trial, trial 0, which resumes
        assertThat(s.reached(2, 3, at(3, 0.8))).isEqualTo(PAUSE);
        assertThat(s.promote()).hasValue(0);
        assertThat(s.promote()).isEmpty();
        assertThat(s.pausedCount()).isEqualTo(2);
        // a newcomer better than all goes on at once
        assertThat(s.reached(3, 3, at(3, 0.1))).isEqualTo(GO);
        // six at the rung now: the best two are trials 3 and 0 (both gone on), so trial 1 still waits
        assertThat(s.reached(4, 3, at(3, 0.95))).isEqualTo(PAUSE);
        assertThat(s.reached(5, 3, at(3, 0.96))).isEqualTo(PAUSE);
        assertThat(s.promote()).isEmpty();
        assertThat(s.reached(6, 3, at(3, 0.97))).isEqualTo(PAUSE);
        assertThat(s.reached(7, 3, at(3, 0.98))).isEqualTo(PAUSE);
        assertThat(s.reached(8, 3, at(3, 0.99))).isEqualTo(PAUSE);
        // nine: the best three are 3, 0 and 1
        assertThat(s.promote()).hasValue(1);
        assertThat(s.isPaused(1)).isFalse();
    }

    @Test
    void aTrialBeyondWhatTheBudgetCanPromoteStopsAndPausedOnesEndWhenItRunsOut() {
        // 6 trials in all: the rung can promote at most 2, so the third-ranked and worse stop at once
        AshaScheduler s = new AshaScheduler(RUNGS_3_9, 6, 9);
        assertThat(s.reached(0, 3, at(3, 0.1))).isEqualTo(PAUSE);
        assertThat(s.reached(1, 3, at(3, 0.2))).isEqualTo(PAUSE);
        assertThat(s.reached(2, 3, at(3, 0.3))).isEqualTo(STOP);
        assertThat(s.promote()).hasValue(0);
        // trial 0 reaches the second rung, alone, and waits there; a second rung-0 trial is promotable too
        assertThat(s.reached(0, 9, at(9, 0.05))).isEqualTo(PAUSE);
        assertThat(s.reached(3, 3, at(3, 0.9))).isEqualTo(STOP);
        assertThat(s.reached(4, 3, at(3, 0.15))).isEqualTo(PAUSE);
        // six at rung 0 would promote two: 0 (done) and 4; rung 1 has one trial, not promotable
        assertThat(s.reached(5, 3, at(3, 0.95))).isEqualTo(STOP);
        assertThat(s.promote()).hasValue(4);
        assertThat(s.hopeless()).containsExactly(1);
        assertThat(s.drain()).containsExactly(0);
    }

    @Test
    void pastTheCapTheTrialFurthestFromPromotionStops() {
        AshaScheduler s = new AshaScheduler(RUNGS_3_9, 100, 2);
        assertThat(s.reached(0, 3, at(3, 0.5))).isEqualTo(PAUSE);
        assertThat(s.reached(1, 3, at(3, 0.9))).isEqualTo(PAUSE);
        assertThat(s.hopeless()).isEmpty();
        assertThat(s.reached(2, 3, at(3, 0.6))).isEqualTo(PAUSE);
        assertThat(s.hopeless()).containsExactly(1);
        assertThat(s.pausedCount()).isEqualTo(2);
    }

    /** Loss at step s is x + 1/s: every rung ranks the trials by x, the final value is x. */
    private static TrialFunction curve(int steps, List<int[]> log) {
        return (p, r) -> {
            double x = Double.parseDouble(p.get("x"));
            int trial = (int) Math.round(x * 1e6);
            for (int s = 1; s <= steps; s++) {
                log.add(new int[] {trial, s});
                if (!r.report(s, x + 1.0 / s)) {
                    break;
                }
            }
            return x;
        };
    }

    @Test
    void oneWorkerRunsOneTrialAtATimeSwitchingOnlyAtRungsAndTheBestConfigurationCompletes() {
        List<TuningEvent> events = new CopyOnWriteArrayList<>();
        List<int[]> log = new CopyOnWriteArrayList<>();
        TuningResult r = Tuner.run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withStrategy(Strategy.HYPERBAND).withAsha(RUNGS_3_9).withBudget(Budget.trials(27)).withSeed(5),
                curve(27, log), JobContext.NONE, events::add);
        assertThat(r.status()).isEqualTo(TuningStatus.FINISHED);
        assertThat(r.trials()).hasSize(27).allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED);
        double minX = r.trials().stream().mapToDouble(t -> Double.parseDouble(t.params().get("x"))).min().orElseThrow();
        assertThat(r.best().orElseThrow().value().getAsDouble()).isEqualTo(minX);
        // with one worker, steps of two trials never interleave except where one paused at a rung (3 or 9) or ended
        for (int i = 1; i < log.size(); i++) {
            int[] prev = log.get(i - 1);
            int[] cur = log.get(i);
            if (prev[0] != cur[0]) {
                assertThat(prev[1]).as("trial left at step %d", prev[1]).isIn(3, 9, 27);
            }
        }
        // the first trial paused at its first rung while the next one started
        int firstFinished = indexOf(events, e -> e instanceof TuningEvent.TrialFinished f && f.trial().number() == 0);
        int secondStarted = indexOf(events, e -> e instanceof TuningEvent.TrialStarted s && s.trial() == 1);
        assertThat(secondStarted).isLessThan(firstFinished);
        // the views hear of it: trial 0 paused at round 3, and every resumed trial had paused before
        assertThat(events).anyMatch(e -> e instanceof TuningEvent.TrialPaused p && p.trial() == 0 && p.step() == 3);
        List<Integer> resumed = events.stream().filter(e -> e instanceof TuningEvent.TrialResumed)
                .map(e -> ((TuningEvent.TrialResumed) e).trial()).toList();
        assertThat(resumed).isNotEmpty();
        for (int t : resumed) {
            int pausedAt = indexOf(events, e -> e instanceof TuningEvent.TrialPaused p && p.trial() == t);
            int resumedAt = indexOf(events, e -> e instanceof TuningEvent.TrialResumed x && x.trial() == t);
            assertThat(pausedAt).isBetween(0, resumedAt);
        }
        // successive halving's share: about a ninth complete, and far fewer steps than 27 full trials
        assertThat(r.count(TrialState.COMPLETE)).isBetween(2L, 8L);
        assertThat(log).hasSizeLessThan(27 * 27 / 2);
        // pruned trials stopped at a rung, and their time excludes the wait
        assertThat(r.trials()).filteredOn(t -> t.state() == TrialState.PRUNED).allMatch(t -> t.lastStep() == 3 || t.lastStep() == 9);
    }

    private static int indexOf(List<TuningEvent> events, java.util.function.Predicate<TuningEvent> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void twoWorkersKeepAtMostTwoTrialsStepping() {
        AtomicInteger stepping = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TrialFunction f = (p, r) -> {
            double x = Double.parseDouble(p.get("x"));
            for (int s = 1; s <= 27; s++) {
                most.accumulateAndGet(stepping.incrementAndGet(), Math::max);
                Thread.sleep(1);
                stepping.decrementAndGet();
                if (!r.report(s, x + 1.0 / s)) {
                    break;
                }
            }
            return x;
        };
        TuningResult r = Tuner.run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withStrategy(Strategy.HYPERBAND).withAsha(RUNGS_3_9).withBudget(Budget.trials(30)).withParallelism(2),
                f, JobContext.NONE, e -> { });
        assertThat(r.trials()).hasSize(30).noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.CANCELLED);
        assertThat(most.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void theTrialFunctionCapsHowManyTrialsWaitAndTrainingTrialsSizeTheCapByTheirData() {
        assertThat(new TrainingTrials(null, null, null, 10_000L * 20).maxPaused()).isEqualTo(250);
        assertThat(new TrainingTrials(null, null, null, 1_000_000L * 20).maxPaused()).isEqualTo(2);
        assertThat(new TrainingTrials(null, null, null, 5_000_000_000L).maxPaused()).isEqualTo(1);

        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TrialFunction capped = new TrialFunction() {
            @Override
            public double evaluate(Map<String, String> p, TrialReporter r) throws Exception {
                double x = Double.parseDouble(p.get("x"));
                for (int s = 1; s <= 27; s++) {
                    // a trial told to wait stays inside report(): count the threads in there
                    most.accumulateAndGet(waiting.incrementAndGet(), Math::max);
                    boolean go = r.report(s, x + 1.0 / s);
                    waiting.decrementAndGet();
                    if (!go) {
                        break;
                    }
                }
                return x;
            }

            @Override
            public int maxPaused() {
                return 1;
            }
        };
        TuningResult r = Tuner.run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withStrategy(Strategy.HYPERBAND).withAsha(RUNGS_3_9).withBudget(Budget.trials(40)), capped, JobContext.NONE, e -> { });
        assertThat(r.trials()).hasSize(40).noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.CANCELLED);
        // one waiting, the one working, and at most one told to stop that has not left yet
        assertThat(most.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aStopEndsPausedTrialsAsPrunedAndRunningOnesAsCancelled() {
        AtomicBoolean cancel = new AtomicBoolean();
        JobContext job = TunerTest.cancelledBy(cancel);
        Map<Integer, Integer> started = new HashMap<>();
        TrialFunction f = (p, r) -> {
            double x = Double.parseDouble(p.get("x"));
            int n;
            synchronized (started) {
                n = started.size();
                started.put(n, n);
            }
            if (n == 4) {
                // the fifth trial stops the job and runs, short of any rung, until told to stop; the earlier
                // ones wait at rung 3 or 9 by then
                cancel.set(true);
                while (r.report(1, x + 1)) {
                    Thread.sleep(2);
                }
                return x;
            }
            for (int s = 1; s <= 27 && r.report(s, x + 1.0 / s); s++) {
                Thread.sleep(1);
            }
            return x;
        };
        long t0 = System.nanoTime();
        TuningResult r = Tuner.run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withStrategy(Strategy.HYPERBAND).withAsha(RUNGS_3_9).withBudget(Budget.trials(100)), f, job, e -> { });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(r.status()).isEqualTo(TuningStatus.STOPPED);
        assertThat(r.trials()).hasSize(5).noneMatch(t -> t.state() == TrialState.RUNNING);
        assertThat(r.trials()).filteredOn(t -> t.state() == TrialState.PRUNED).isNotEmpty()
                .allMatch(t -> t.lastStep() == 3 || t.lastStep() == 9);
        assertThat(r.trials()).filteredOn(t -> t.number() == 4).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(TrialState.CANCELLED));
    }

    @Test
    void theTimeBudgetEndsAJobWithPausedTrials() {
        TuningResult r = Tuner.run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withStrategy(Strategy.HYPERBAND).withAsha(RUNGS_3_9).withBudget(Budget.of(100_000, Duration.ofMillis(400))),
                (p, rep) -> {
                    double x = Double.parseDouble(p.get("x"));
                    for (int s = 1; s <= 27 && rep.report(s, x + 1.0 / s); s++) {
                        Thread.sleep(2);
                    }
                    return x;
                }, JobContext.NONE, e -> { });
        assertThat(r.status()).isEqualTo(TuningStatus.FINISHED);
        assertThat(r.trials()).isNotEmpty().noneMatch(t -> t.state() == TrialState.RUNNING);
        assertThat(r.trials()).filteredOn(t -> t.state() == TrialState.PRUNED).isNotEmpty();
    }
}
