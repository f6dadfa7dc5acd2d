package dev.osprey.core.tune;

import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strategies on cheap functions whose optimum is known: no training here. */
class TunerTest {
    /** Minimum 0 at x = 0.3, y = 0.7. */
    static final TrialFunction BOWL = (p, r) -> {
        double x = Double.parseDouble(p.get("x"));
        double y = Double.parseDouble(p.get("y"));
        return (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7);
    };
    static final SearchSpace XY = SearchSpace.parse("x=float(0,1);y=float(0,1)");

    /** Minimum 0 at depth 7, booster b, eta 0.01 (a log range, an int and a categorical). */
    static final TrialFunction MIXED = (p, r) -> {
        int depth = Integer.parseInt(p.get("depth"));
        double eta = Double.parseDouble(p.get("eta"));
        double le = Math.log10(eta) + 2;
        return (depth - 7) * (depth - 7) / 10.0 + (p.get("booster").equals("b") ? 0 : 1) + le * le;
    };
    static final SearchSpace MIXED_SPACE = SearchSpace.parse("depth=int(1,12);eta=log(0.01,1);booster=cat(a,b,c)");

    static TuningResult run(TunerSettings s, TrialFunction f) {
        return Tuner.run(s, f, JobContext.NONE, e -> { });
    }

    /** A job context that reports cancelled once {@code cancel} is set. */
    static JobContext cancelledBy(AtomicBoolean cancel) {
        return new JobContext() {
            public void progress(double f, String m) { }
            public void log(String l) { }
            public boolean isCancelled() {
                return cancel.get();
            }
            public void onCancel(Runnable h) { }
        };
    }

    static double best(TuningResult r) {
        return r.best().orElseThrow().value().getAsDouble();
    }

    @Test
    void randomSearchFindsTheBowlBottom() {
        TuningResult r = run(TunerSettings.of(XY, Objective.minimize("f")).withBudget(Budget.trials(300)), BOWL);
        assertThat(r.trials()).hasSize(300).allMatch(Trial::isComplete);
        assertThat(r.status()).isEqualTo(TuningStatus.FINISHED);
        assertThat(best(r)).isLessThan(0.005);
    }

    @Test
    void bayesianSearchGetsCloserThanRandomWithTheSameTrials() {
        int wins = 0;
        for (long seed = 1; seed <= 5; seed++) {
            TunerSettings s = TunerSettings.of(MIXED_SPACE, Objective.minimize("f")).withBudget(Budget.trials(60)).withSeed(seed);
            double bayes = best(run(s.withStrategy(Strategy.BAYES), MIXED));
            double random = best(run(s.withStrategy(Strategy.RANDOM), MIXED));
            if (bayes <= random) {
                wins++;
            }
            assertThat(bayes).as("seed %d", seed).isLessThan(0.3);
        }
        assertThat(wins).isGreaterThanOrEqualTo(4);
        TuningResult bowl = run(TunerSettings.of(XY, Objective.minimize("f")).withStrategy(Strategy.BAYES)
                .withBudget(Budget.trials(80)), BOWL);
        assertThat(best(bowl)).isLessThan(0.002);
        Map<String, String> p = bowl.best().orElseThrow().params();
        assertThat(Double.parseDouble(p.get("x"))).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void maximizingFindsTheTop() {
        TuningResult r = run(TunerSettings.of(XY, Objective.maximize("g")).withStrategy(Strategy.BAYES)
                .withBudget(Budget.trials(60)), (p, rep) -> -BOWL.evaluate(p, rep));
        assertThat(best(r)).isGreaterThan(-0.005);
    }

    @Test
    void seededRunsAreReproducibleAndSeedsDiffer() {
        for (Strategy s : List.of(Strategy.RANDOM, Strategy.BAYES)) {
            TunerSettings settings = TunerSettings.of(MIXED_SPACE, Objective.minimize("f")).withStrategy(s)
                    .withBudget(Budget.trials(25)).withSeed(7);
            List<Map<String, String>> a = run(settings, MIXED).trials().stream().map(Trial::params).toList();
            List<Map<String, String>> b = run(settings, MIXED).trials().stream().map(Trial::params).toList();
            List<Map<String, String>> c = run(settings.withSeed(8), MIXED).trials().stream().map(Trial::params).toList();
            assertThat(a).as(s.name()).isEqualTo(b);
            assertThat(a).as(s.name()).isNotEqualTo(c);
        }
    }

    @Test
    void gridCoversTheGridOnceAndStops() {
        SearchSpace space = SearchSpace.parse("depth=int(1,3);booster=cat(a,b);eta=log(0.01,1)");
        TuningResult r = run(TunerSettings.of(space, Objective.minimize("f")).withStrategy(Strategy.GRID)
                .withGridPoints(3).withBudget(Budget.trials(1000)), MIXED);
        assertThat(r.trials()).hasSize(18);
        Set<Map<String, String>> seen = new HashSet<>(r.trials().stream().map(Trial::params).toList());
        assertThat(seen).hasSize(18);
        Set<String> etas = new HashSet<>(r.trials().stream().map(t -> t.params().get("eta")).toList());
        assertThat(etas).containsExactlyInAnyOrder("0.01", "0.1", "1");
        assertThat(r.best().orElseThrow().params()).containsEntry("depth", "3").containsEntry("booster", "b")
                .containsEntry("eta", "0.01");
    }

    @Test
    void gridWarmStartSkipsWhatAnEarlierJobTried() {
        SearchSpace space = SearchSpace.parse("depth=int(1,4);booster=cat(a,b)");
        TunerSettings s = TunerSettings.of(space, Objective.minimize("f")).withStrategy(Strategy.GRID);
        TuningResult first = run(s.withBudget(Budget.trials(3)), (p, r) -> Integer.parseInt(p.get("depth")));
        TuningResult second = run(s.withBudget(Budget.trials(100)).withHistory(first.trials()),
                (p, r) -> Integer.parseInt(p.get("depth")));
        assertThat(second.trials()).hasSize(5);
        Set<Map<String, String>> all = new HashSet<>(first.trials().stream().map(Trial::params).toList());
        second.trials().forEach(t -> assertThat(all.add(t.params())).isTrue());
        assertThat(all).hasSize(8);
    }

    @Test
    void bayesianWarmStartLearnsFromTheEarlierJob() {
        TunerSettings s = TunerSettings.of(XY, Objective.minimize("f")).withStrategy(Strategy.BAYES);
        TuningResult first = run(s.withBudget(Budget.trials(40)), BOWL);
        TuningResult cold = run(s.withBudget(Budget.trials(5)).withSeed(3), BOWL);
        TuningResult warm = run(s.withBudget(Budget.trials(5)).withSeed(3).withHistory(first.trials()), BOWL);
        // cold: the first 5 trials are random; warm: already guided by 40 earlier trials
        double coldMean = cold.trials().stream().mapToDouble(t -> t.value().getAsDouble()).average().orElseThrow();
        double warmMean = warm.trials().stream().mapToDouble(t -> t.value().getAsDouble()).average().orElseThrow();
        assertThat(warmMean).isLessThan(coldMean);
    }

    /** Curves that fall towards x as steps go on: a trial with larger x is worse at every step. */
    static TrialFunction curve(int steps, List<Integer> stepsRun) {
        return (p, r) -> {
            double x = Double.parseDouble(p.get("x"));
            int s = 1;
            for (; s <= steps; s++) {
                if (!r.report(s, x + 1.0 / s)) {
                    break;
                }
            }
            stepsRun.add(Math.min(s, steps));
            return x;
        };
    }

    @Test
    void medianRuleStopsTrialsThatAreWorse() {
        List<Integer> steps = new CopyOnWriteArrayList<>();
        TuningResult r = run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withPruning(Pruning.MEDIAN).withBudget(Budget.trials(40)), curve(30, steps));
        List<Trial> pruned = r.trials().stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertThat(pruned).hasSizeGreaterThan(10);
        double bestX = best(r);
        double minX = r.trials().stream().mapToDouble(t -> Double.parseDouble(t.params().get("x"))).min().orElseThrow();
        assertThat(bestX).isEqualTo(minX);
        for (Trial t : pruned) {
            assertThat(Double.parseDouble(t.params().get("x"))).isGreaterThan(bestX);
            assertThat(t.lastStep()).isLessThan(30);
            assertThat(t.message()).contains("stopped early");
        }
        assertThat(steps.stream().mapToInt(Integer::intValue).sum()).isLessThan(40 * 30 * 3 / 4);
    }

    @Test
    void bayesianWarmStartFromAnotherSpaceStaysInsideTheNewOne() {
        // the earlier job knew x and y; the new one adds a log range, an integer and a one-choice categorical
        TuningResult first = run(TunerSettings.of(XY, Objective.minimize("f")).withStrategy(Strategy.BAYES)
                .withBudget(Budget.trials(20)), BOWL);
        SearchSpace wider = SearchSpace.parse("x=float(0,1);y=float(0,1);eta=log(0.01,1);depth=int(1,4);kind=cat(only)");
        TuningResult r = run(TunerSettings.of(wider, Objective.minimize("f")).withStrategy(Strategy.BAYES)
                .withBudget(Budget.trials(15)).withHistory(first.trials()), BOWL);
        assertThat(r.trials()).hasSize(15).allMatch(Trial::isComplete);
        for (Trial t : r.trials()) {
            assertThat(Double.parseDouble(t.params().get("eta"))).isBetween(0.01, 1.0);
            assertThat(Integer.parseInt(t.params().get("depth"))).isBetween(1, 4);
            assertThat(t.params().get("kind")).isEqualTo("only");
        }
        // guided by the earlier 20 trials from the start: the bowl's bottom is near at once
        assertThat(best(r)).isLessThan(0.01);
    }

    @Test
    void theDefaultCutsOnceAtA27thOfTheRounds() {
        AshaSettings a = AshaSettings.forResource(120);
        assertThat(a).isEqualTo(new AshaSettings(4, 120, 3, 1, 1));
        assertThat(List.of(new AshaScheduler(a, 27, 9).rungStep(0, 0), new AshaScheduler(a, 27, 9).rungStep(0, 1)))
                .containsExactly(4L, Long.MAX_VALUE);
        AshaScheduler p = new AshaScheduler(new AshaSettings(13, 120, 3, 1), 27, 9);
        assertThat(List.of(p.rungStep(0, 0), p.rungStep(0, 1), p.rungStep(0, 2))).containsExactly(13L, 39L, Long.MAX_VALUE);
        // the textbook minimum (a 27th) keeps its rung at 108 of 120
        assertThat(new AshaScheduler(new AshaSettings(4, 120, 3, 1), 27, 9).rungStep(0, 3)).isEqualTo(108L);
        assertThat(AshaSettings.forResource(5).minResource()).isEqualTo(1);
        assertThat(AshaSettings.forResource(2)).isEqualTo(new AshaSettings(1, 2, 3, 1, 1));
    }

    @Test
    void hyperbandStopsMostTrialsEarlyAndKeepsTheBest() {
        List<Integer> steps = new CopyOnWriteArrayList<>();
        TuningResult r = run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withStrategy(Strategy.HYPERBAND).withAsha(AshaSettings.forResource(27)).withBudget(Budget.trials(30)),
                curve(27, steps));
        long pruned = r.count(TrialState.PRUNED);
        assertThat(pruned).isGreaterThan(15);
        double minX = r.trials().stream().mapToDouble(t -> Double.parseDouble(t.params().get("x"))).min().orElseThrow();
        assertThat(best(r)).isEqualTo(minX);
        // one cut at round 1 keeps a third: well under half the rounds of 30 full trials
        assertThat(steps.stream().mapToInt(Integer::intValue).sum()).isLessThan(30 * 27 / 2);
        // several brackets: bracket 1 starts its rungs later, so its trials run longer before a cut
        TuningResult hb = run(TunerSettings.of(SearchSpace.parse("x=float(0,1)"), Objective.minimize("x"))
                .withStrategy(Strategy.HYPERBAND).withAsha(new AshaSettings(1, 27, 3, 2)).withBudget(Budget.trials(30)),
                curve(27, new ArrayList<>()));
        assertThat(hb.trials().stream().filter(t -> t.number() % 2 == 1 && t.state() == TrialState.PRUNED))
                .allMatch(t -> t.lastStep() >= 3);
    }

    @Test
    void parallelTrialsAllRunAndEventsArrive() {
        List<TuningEvent> events = new CopyOnWriteArrayList<>();
        TuningResult r = Tuner.run(TunerSettings.of(XY, Objective.minimize("f")).withParallelism(2)
                .withStrategy(Strategy.BAYES).withBudget(Budget.trials(30)), BOWL, JobContext.NONE, events::add);
        assertThat(r.trials()).hasSize(30).allMatch(Trial::isComplete);
        assertThat(events).filteredOn(e -> e instanceof TuningEvent.TrialStarted).hasSize(30);
        assertThat(events).filteredOn(e -> e instanceof TuningEvent.TrialFinished).hasSize(30);
        List<Double> bests = events.stream().filter(e -> e instanceof TuningEvent.BestChanged)
                .map(e -> ((TuningEvent.BestChanged) e).best().value().getAsDouble()).toList();
        assertThat(bests).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(bests.getLast()).isEqualTo(best(r));
    }

    @Test
    void aFailingTrialIsRecordedAndTheJobGoesOn() {
        TuningResult r = run(TunerSettings.of(XY, Objective.minimize("f")).withBudget(Budget.trials(10)), (p, rep) -> {
            if (Double.parseDouble(p.get("x")) < 0.5) {
                throw new IllegalStateException("x too small");
            }
            return BOWL.evaluate(p, rep);
        });
        assertThat(r.trials()).hasSize(10);
        assertThat(r.trials()).filteredOn(t -> t.state() == TrialState.FAILED).isNotEmpty()
                .allMatch(t -> t.message().equals("x too small") && t.value().isEmpty());
    }

    @Test
    void aStoppedJobKeepsItsFinishedTrials() {
        AtomicBoolean cancel = new AtomicBoolean();
        JobContext job = cancelledBy(cancel);
        List<TuningEvent> events = new CopyOnWriteArrayList<>();
        TrialFunction slowAfterThree = (p, r) -> {
            if (events.stream().filter(e -> e instanceof TuningEvent.TrialFinished).count() >= 3) {
                cancel.set(true);
                for (int s = 1; r.report(s, 1); s++) {
                    Thread.sleep(2);
                }
            }
            return 1;
        };
        TuningResult r = Tuner.run(TunerSettings.of(XY, Objective.minimize("f")).withBudget(Budget.trials(100)),
                slowAfterThree, job, events::add);
        assertThat(r.status()).isEqualTo(TuningStatus.STOPPED);
        assertThat(r.count(TrialState.COMPLETE)).isEqualTo(3);
        assertThat(r.trials()).hasSize(4);
        assertThat(r.trials().getLast().state()).isEqualTo(TrialState.CANCELLED);
        assertThat(r.best()).isPresent();
    }

    @Test
    void theTimeBudgetEndsTheJob() {
        TuningResult r = run(TunerSettings.of(XY, Objective.minimize("f"))
                .withBudget(Budget.of(100_000, Duration.ofMillis(300))), (p, rep) -> {
                    Thread.sleep(20);
                    return 1;
                });
        assertThat(r.status()).isEqualTo(TuningStatus.FINISHED);
        assertThat(r.trials().size()).isLessThan(100_000).isGreaterThan(0);
    }

    @Test
    void badInputIsRefusedWithAPlainMessage() {
        assertThatThrownBy(() -> SearchSpace.parse("max_depth=int(3,3)")).hasMessageContaining("max_depth")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SearchSpace.parse("max_depth=int(10,3)")).hasMessageContaining("inverted");
        assertThatThrownBy(() -> SearchSpace.parse("eta=log(0,1)")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> SearchSpace.parse("eta=gauss(0,1)")).hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> SearchSpace.parse("eta")).hasMessageContaining("Cannot read 'eta'");
        assertThatThrownBy(() -> SearchSpace.parse("eta=float(a,1)")).hasMessageContaining("'a' is not a number");
        assertThatThrownBy(() -> SearchSpace.parse("k=int(1,2);k=int(3,4)")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SearchSpace.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Budget.trials(0)).hasMessageContaining("at least one trial");
        assertThatThrownBy(() -> Budget.of(5, Duration.ZERO)).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> TunerSettings.of(XY, Objective.minimize("f")).withParallelism(0))
                .hasMessageContaining("at once");
        assertThatThrownBy(() -> Strategy.parse("annealing")).hasMessageContaining("grid, random, bayes or hyperband");
    }

    @Test
    void theSpaceTextRoundTrips() {
        String text = "max_depth=int(3,10);eta=log(0.01,0.5);booster=cat(gbtree,dart);n=logint(1,100);s=float(0.5,1)";
        assertThat(SearchSpace.parse(text).toString()).isEqualTo(text);
        assertThat(SearchSpace.builder().integer("max_depth", 3, 10).logUniform("eta", 0.01, 0.5)
                .categorical("booster", "gbtree", "dart").logInteger("n", 1, 100).uniform("s", 0.5, 1).build())
                .isEqualTo(SearchSpace.parse(text));
    }

    @Test
    void importanceNamesTheParameterThatMatters() {
        SearchSpace space = SearchSpace.parse("a=float(0,1);b=float(0,1);c=cat(x,y)");
        TuningResult r = run(TunerSettings.of(space, Objective.minimize("f")).withBudget(Budget.trials(60)),
                (p, rep) -> 10 * Double.parseDouble(p.get("a")) + 0.1 * Double.parseDouble(p.get("b")));
        Map<String, Double> imp = HyperparameterImportance.of(r.trials(), space);
        assertThat(imp.keySet()).containsExactly("a", "b", "c");
        assertThat(imp.get("a")).isGreaterThan(0.8);
        assertThat(imp.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
