package dev.osprey.app.tune;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.tune.Direction;
import dev.osprey.core.tune.Strategy;
import dev.osprey.core.tune.TuningSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tuning form's state on the exam-score sample: defaults per algorithm, checks as typed, the spec. */
class TuningSetupTest {
    @TempDir
    Path tmp;

    private Engine engine;
    private TuningSetup setup;

    @BeforeEach
    void open() throws Exception {
        engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("ws")));
        setup = new TuningSetup();
        setup.setWorkspaceOpen(true);
        setup.setDatasets(engine.datasets().list());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theSampleGivesARegressionWithXgboostAndItsDefaultSpace() {
        Dataset d = setup.datasetProperty().get();
        assertThat(d.name()).isEqualTo(SampleWorkspace.DATASET);
        assertThat(setup.targetProperty().get()).isEqualTo(SampleWorkspace.TARGET);
        assertThat(setup.algorithmProperty().get().id()).isEqualTo("xgboost");
        assertThat(setup.rows()).extracting(r -> r.nameProperty().get()).startsWith("max_depth", "eta");
        assertThat(setup.metricProperty().get()).isEqualTo("rmse");
        assertThat(setup.directionProperty().get()).isEqualTo(Direction.MINIMIZE);
        assertThat(setup.problemProperty().get()).isNull();
    }

    @Test
    void rowsAreCheckedAsTypedInTheEnginesWords() {
        SpaceRow depth = setup.rows().getFirst();
        depth.lowProperty().set("12");
        assertThat(depth.errorProperty().get()).contains("inverted");
        assertThat(setup.problemProperty().get()).isEqualTo(depth.errorProperty().get());
        depth.lowProperty().set("0");
        assertThat(depth.errorProperty().get()).contains("does not suit xgboost");
        depth.lowProperty().set("2");
        assertThat(depth.errorProperty().get()).isNull();

        SpaceRow extra = setup.addRow();
        extra.nameProperty().set("depth");
        assertThat(extra.errorProperty().get()).contains("xgboost has no parameter 'depth'");
        extra.nameProperty().set("max_depth");
        assertThat(extra.errorProperty().get()).contains("twice");
        setup.rows().remove(extra);
        assertThat(setup.problemProperty().get()).isNull();

        SpaceRow eta = setup.rows().get(1);
        eta.kindProperty().set(ParamKind.LOG);
        eta.lowProperty().set("0");
        assertThat(eta.errorProperty().get()).contains("above 0");
    }

    @Test
    void theSpecCarriesWhatTheFormSays() {
        setup.strategyProperty().set(Strategy.RANDOM);
        setup.maxTrialsProperty().set("6");
        setup.maxMinutesProperty().set("1.5");
        setup.parallelismProperty().set(2);
        assertThat(setup.spec().threadsPerTrial()).isZero();
        setup.threadsPerTrialProperty().set(1);
        setup.seedProperty().set("7");
        TuningSpec spec = setup.spec();
        assertThat(spec.strategy()).isEqualTo(Strategy.RANDOM);
        assertThat(spec.budget().maxTrials()).isEqualTo(6);
        assertThat(spec.budget().maxTime()).hasValue(java.time.Duration.ofSeconds(90));
        assertThat(spec.parallelism()).isEqualTo(2);
        assertThat(spec.threadsPerTrial()).isEqualTo(1);
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(spec.space().names()).contains("max_depth", "eta");
        assertThat(spec.template().target()).isEqualTo(SampleWorkspace.TARGET);
    }

    @Test
    void aZeroBudgetAndHyperbandOnATreeAreRefused() {
        setup.maxTrialsProperty().set("0");
        assertThat(setup.problemProperty().get()).contains("at least one trial");
        assertThatThrownBy(setup::spec).isInstanceOf(IllegalArgumentException.class);
        setup.maxTrialsProperty().set("5");
        setup.algorithmProperty().set(setup.algorithms().stream().filter(a -> a.id().equals("decision_tree")).findFirst().orElseThrow());
        assertThat(setup.rows()).extracting(r -> r.nameProperty().get()).containsExactly("max_depth", "node_size");
        setup.strategyProperty().set(Strategy.HYPERBAND);
        assertThat(setup.problemProperty().get()).contains("Hyperband");
        setup.rows().clear();
        setup.strategyProperty().set(Strategy.GRID);
        assertThat(setup.problemProperty().get()).isEqualTo("Add at least one parameter to search.");
    }
}
