package dev.osprey.core.tune;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tuning jobs that train real models on the sample workspace and record runs. */
class TuningServiceTest {
    @TempDir
    Path tmp;
    Engine engine;
    Dataset exams;

    @BeforeEach
    void open() throws Exception {
        engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("ws")));
        exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    TrainingRequest xgb(int rounds) {
        return TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "xgboost").withOptions(Map.of("rounds", Integer.toString(rounds)));
    }

    @Test
    void aSmallJobRecordsEveryTrialAsARunAndRegistersTheBest() throws Exception {
        List<TuningEvent> events = new CopyOnWriteArrayList<>();
        TuningSpec spec = TuningSpec.of(xgb(20), SearchSpace.parse("max_depth=int(2,6);eta=log(0.05,0.5)"))
                .withStrategy(Strategy.BAYES).withBudget(Budget.trials(6)).withParallelism(2).withSeed(3);
        TuningResult r = engine.tuning().run(spec, JobContext.NONE, events::add);

        assertThat(r.status()).isEqualTo(TuningStatus.FINISHED);
        assertThat(r.trials()).hasSize(6).allMatch(Trial::isComplete).allMatch(t -> t.run().isPresent());
        assertThat(r.objective()).isEqualTo(Objective.minimize("rmse"));
        Trial best = r.best().orElseThrow();
        assertThat(r.trials()).allMatch(t -> t.value().getAsDouble() >= best.value().getAsDouble());
        // each trial is a finished run with the trial's parameters and the job's tags
        Run run = engine.experiments().get(best.run().orElseThrow());
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.params()).containsEntry("max_depth", best.params().get("max_depth")).containsEntry("rounds", "20");
        assertThat(run.tags()).containsEntry("osprey.tune.job", r.jobId().toString());
        Experiment exp = engine.experiments().experiments().getFirst();
        assertThat(engine.experiments().runs(exp.id())).hasSize(6);
        // stored
        TuningJob job = engine.tuning().job(r.jobId());
        assertThat(job.status()).isEqualTo(TuningStatus.FINISHED);
        assertThat(job.bestTrial()).contains(best.number());
        assertThat(job.space().toString()).isEqualTo("max_depth=int(2,6);eta=log(0.05,0.5)");
        assertThat(engine.tuning().trials(r.jobId())).hasSize(6);
        assertThat(engine.tuning().jobs()).extracting(TuningJob::id).containsExactly(r.jobId());
        // events for a live view
        assertThat(events.getFirst()).isInstanceOf(TuningEvent.JobStarted.class);
        assertThat(events.getLast()).isInstanceOf(TuningEvent.JobFinished.class);
        assertThat(events).filteredOn(e -> e instanceof TuningEvent.IntermediateValue).hasSizeGreaterThanOrEqualTo(6 * 20);
        assertThat(events).filteredOn(e -> e instanceof TuningEvent.BestChanged).isNotEmpty();

        ModelVersion v = engine.tuning().registerBest(r.jobId(), "exam-tuned");
        assertThat(v.version()).isEqualTo(1);
        assertThat(engine.registry().load("exam-tuned", 1).predict(4, 1, 15).value()).isBetween(800.0, 960.0);
    }

    @Test
    void hyperbandStopsTrialsEarlyAndTheirRunsSaySo() throws Exception {
        TuningSpec spec = TuningSpec.of(xgb(60), SearchSpace.parse("max_depth=int(1,8);eta=log(0.005,0.5)"))
                .withStrategy(Strategy.HYPERBAND).withBudget(Budget.trials(10)).withSeed(5);
        TuningResult r = engine.tuning().run(spec, JobContext.NONE, null);
        List<Trial> pruned = r.trials().stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertThat(pruned).isNotEmpty();
        for (Trial t : pruned) {
            assertThat(t.lastStep()).isLessThan(60);
            Run run = engine.experiments().get(t.run().orElseThrow());
            assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(run.tags()).containsEntry("osprey.tune.state", "PRUNED");
            // stopped before its last round: no model was serialised or saved for it
            assertThat(run.artifact(dev.osprey.core.train.TrainingService.MODEL_ARTIFACT)).isEmpty();
        }
        Trial best = r.best().orElseThrow();
        assertThat(engine.experiments().get(best.run().orElseThrow()).artifact(dev.osprey.core.train.TrainingService.MODEL_ARTIFACT))
                .isPresent();
    }

    @Test
    void threadsPerTrialAreTheUsersChoiceOrTheCoresSharedAmongTheTrialsAtOnce() throws Exception {
        TuningSpec spec = TuningSpec.of(xgb(5), SearchSpace.parse("max_depth=int(2,4)"));
        assertThat(spec.threadsPerTrial()).isZero();
        assertThat(spec.threadsPerTrial(2)).isEqualTo(2);
        assertThat(spec.withParallelism(2).threadsPerTrial(2)).isEqualTo(1);
        assertThat(spec.withParallelism(4).threadsPerTrial(2)).isEqualTo(1);
        assertThat(spec.withParallelism(2).threadsPerTrial(8)).isEqualTo(4);
        assertThat(spec.withParallelism(2).withThreadsPerTrial(2).threadsPerTrial(2)).isEqualTo(2);
        assertThatThrownBy(() -> spec.withThreadsPerTrial(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Threads per trial must be between 1 and 256, or 0 to share the cores among the trials at once, not -1.");
        assertThatThrownBy(() -> spec.withThreadsPerTrial(257)).hasMessageContaining("not 257");
        // a job with one thread per trial runs and records it with the job
        TuningResult r = engine.tuning().run(spec.withThreadsPerTrial(1).withParallelism(2).withBudget(Budget.trials(2)),
                JobContext.NONE, null);
        assertThat(r.trials()).hasSize(2).allMatch(Trial::isComplete);
    }

    @Test
    void warmStartContinuesAGridAndAStoppedJobKeepsItsTrials() throws Exception {
        SearchSpace space = SearchSpace.parse("max_depth=int(2,4);eta=cat(0.1,0.3)");
        TuningSpec spec = TuningSpec.of(xgb(10), space).withStrategy(Strategy.GRID);
        TuningResult first = engine.tuning().run(spec.withBudget(Budget.trials(2)), JobContext.NONE, null);
        TuningResult second = engine.tuning().run(spec.withBudget(Budget.trials(50)).withWarmStart(first.jobId()),
                JobContext.NONE, null);
        assertThat(second.trials()).hasSize(4);
        assertThat(engine.tuning().job(second.jobId()).warmStart()).contains(first.jobId());

        AtomicBoolean cancel = new AtomicBoolean();
        JobContext stopAfterFirst = new JobContext() {
            public void progress(double f, String m) { }
            public void log(String l) { }
            public boolean isCancelled() {
                return cancel.get();
            }
            public void onCancel(Runnable h) { }
        };
        TuningResult stopped = engine.tuning().run(spec.withStrategy(Strategy.RANDOM).withBudget(Budget.trials(50)),
                stopAfterFirst, e -> {
                    if (e instanceof TuningEvent.TrialFinished) {
                        cancel.set(true);
                    }
                });
        assertThat(stopped.status()).isEqualTo(TuningStatus.STOPPED);
        assertThat(stopped.count(TrialState.COMPLETE)).isEqualTo(1);
        assertThat(engine.tuning().job(stopped.jobId()).status()).isEqualTo(TuningStatus.STOPPED);
        assertThat(engine.tuning().trials(stopped.jobId())).hasSize(stopped.trials().size());
    }

    @Test
    void badInputFailsBeforeAnyRun() throws Exception {
        SearchSpace ok = SearchSpace.parse("max_depth=int(2,6)");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(xgb(10), SearchSpace.parse("depth=int(2,6)")), null, null))
                .isInstanceOf(TuningException.class).hasMessageContaining("xgboost has no parameter 'depth'")
                .hasMessageContaining("max_depth");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(xgb(10), SearchSpace.parse("max_depth=int(0,6)")), null, null))
                .hasMessageContaining("max_depth=int(0,6) does not suit xgboost").hasMessageContaining("between 1 and 32");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(
                TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "ridge"), SearchSpace.parse("lambda=log(0.01,1)"))
                .withStrategy(Strategy.HYPERBAND), null, null)).hasMessageContaining("Hyperband").hasMessageContaining("ridge");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(xgb(10), SearchSpace.parse("rounds=int(5,50)"))
                .withStrategy(Strategy.HYPERBAND), null, null)).hasMessageContaining("rounds is the resource");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(xgb(10), ok).withObjective(Objective.maximize("accuracy")),
                null, null)).hasMessageContaining("no metric 'accuracy'").hasMessageContaining("rmse");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(
                TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "boosting"), ok), null, null))
                .hasMessageContaining("no algorithm 'boosting'");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(
                TrainingRequest.of(exams.id(), "score", "xgboost"), ok), null, null)).hasMessageContaining("no column 'score'");
        assertThatThrownBy(() -> engine.tuning().run(TuningSpec.of(xgb(10), ok).withWarmStart(new TuningJobId(99)), null, null))
                .hasMessageContaining("no tuning job 99");
        assertThat(engine.experiments().experiments()).isEmpty();
        assertThat(engine.tuning().jobs()).isEmpty();
        assertThatThrownBy(() -> engine.tuning().registerBest(new TuningJobId(5), "x")).hasMessageContaining("no tuning job 5");
    }

    @Test
    void cancellingTheBackgroundJobStopsTuningAndKeepsFinishedTrials() throws Exception {
        TuningSpec spec = TuningSpec.of(xgb(400), SearchSpace.parse("max_depth=int(2,6)")).withBudget(Budget.trials(50));
        java.util.concurrent.atomic.AtomicReference<TuningJobId> id = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch firstDone = new java.util.concurrent.CountDownLatch(1);
        try (dev.osprey.core.job.JobService jobs = new dev.osprey.core.job.JobService(1)) {
            dev.osprey.core.job.Job<TuningResult> job = jobs.submit("tuning", ctx -> engine.tuning().run(spec, ctx, e -> {
                if (e instanceof TuningEvent.JobStarted s) {
                    id.set(s.jobId());
                }
                if (e instanceof TuningEvent.TrialFinished) {
                    firstDone.countDown();
                }
            }));
            assertThat(firstDone.await(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            job.cancel();
            assertThatThrownBy(job::await).isInstanceOf(java.util.concurrent.CancellationException.class);
        }
        TuningJob stored = engine.tuning().job(id.get());
        assertThat(stored.status()).isEqualTo(TuningStatus.STOPPED);
        List<Trial> trials = engine.tuning().trials(id.get());
        assertThat(trials).isNotEmpty().hasSizeLessThan(50);
        assertThat(trials).filteredOn(Trial::isComplete).isNotEmpty();
        assertThat(trials).allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.CANCELLED);
    }
}
