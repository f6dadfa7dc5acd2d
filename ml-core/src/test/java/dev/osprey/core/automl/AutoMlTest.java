package dev.osprey.core.automl;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.ProblemType;
import dev.osprey.core.tune.Objective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoMlTest {
    @TempDir
    Path tmp;

    @Test
    void aSmallBudgetRanksTheCandidatesRegistersAndExplainsTheWinner() throws Exception {
        try (Engine engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("ws")))) {
            Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            List<AutoMlEvent> events = new CopyOnWriteArrayList<>();
            AutoMlRequest request = AutoMlRequest.of(exams.id(), SampleWorkspace.TARGET, Duration.ofMinutes(2))
                    .withCandidates(List.of("xgboost", "ridge", "random_forest")).withMaxTrialsPerCandidate(3).withRegisterAs("exam-auto");
            AutoMlResult r = engine.automl().run(request, JobContext.NONE, events::add);

            assertThat(r.problemType()).isEqualTo(ProblemType.REGRESSION);
            assertThat(r.objective()).isEqualTo(Objective.minimize("rmse"));
            assertThat(r.leaderboard()).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 3);
            assertThat(r.leaderboard()).extracting(LeaderboardEntry::value).isSorted();
            assertThat(r.leaderboard()).allMatch(e -> e.trials() >= 1 && e.trials() <= 3);
            LeaderboardEntry best = r.best().orElseThrow();
            // the data are linear plus noise of sd 30: every candidate is near 30, the linear one best or close
            assertThat(best.value()).isBetween(20.0, 45.0);
            assertThat(engine.experiments().get(best.run()).params()).containsEntry("validation", "3-fold");
            assertThat(r.registered()).isPresent();
            assertThat(engine.registry().load("exam-auto", 1).predict(4, 1, 15).value()).isBetween(820.0, 960.0);
            assertThat(r.importance().orElseThrow().byColumn()).containsKeys("years_it_experience", "hours_of_study");
            String cell = best.notebookCell(r.dataset());
            assertThat(cell).contains("TrainingRequest.of(").contains("\"" + best.algorithm() + "\"").contains("3");
            assertThat(events.getFirst()).isInstanceOf(AutoMlEvent.ChecksDone.class);
            assertThat(events).filteredOn(e -> e instanceof AutoMlEvent.CandidateFinished).hasSize(3);
            assertThat(events).filteredOn(e -> e instanceof AutoMlEvent.CandidateProgress).isNotEmpty();
            assertThat(events.getLast()).isInstanceOf(AutoMlEvent.Finished.class);
        }
    }

    @Test
    void badInputIsNamed() throws Exception {
        try (Engine engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("ws")))) {
            Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
            AutoMlRequest base = AutoMlRequest.of(exams.id(), SampleWorkspace.TARGET, Duration.ofSeconds(30));
            assertThatThrownBy(() -> engine.automl().run(base.withCandidates(List.of("svm")), null, null))
                    .isInstanceOf(AutoMlException.class).hasMessageContaining("cannot train a regression");
            assertThatThrownBy(() -> engine.automl().run(base.withMetric("accuracy"), null, null))
                    .hasMessageContaining("no metric 'accuracy'");
            assertThatThrownBy(() -> engine.automl().run(AutoMlRequest.of(exams.id(), "nope", Duration.ofSeconds(5)), null, null))
                    .hasMessageContaining("no column 'nope'");
            assertThatThrownBy(() -> AutoMlRequest.of(exams.id(), "x", Duration.ZERO)).hasMessageContaining("more than 0");
        }
    }
}
