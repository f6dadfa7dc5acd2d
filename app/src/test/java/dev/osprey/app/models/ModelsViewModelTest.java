package dev.osprey.app.models;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.experiments.TrainedWorkspace;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.registry.ApprovalStatus;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegisteredModel;
import dev.osprey.core.job.JobService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Models page's view model against a real registry: versions, card, approval, aliases, predictions. */
class ModelsViewModelTest {
    @TempDir
    Path tmp;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private AppContext app;
    private ModelsViewModel vm;
    private TrainedWorkspace trained;

    @BeforeEach
    void setUp() throws Exception {
        trained = TrainedWorkspace.create(tmp.resolve("exam"));
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), dialogs, Runnable::run);
        vm = new ModelsViewModel(app, Runnable::run);
        app.switchEngine(Engine.open(trained.root));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private void fill(String... values) {
        for (int i = 0; i < values.length; i++) {
            vm.inputs().get(i).setValue(values[i]);
        }
    }

    @Test
    void listsTheModelItsVersionsAndTheNewestVersionsCard() throws Exception {
        app.engine().registry().register(trained.deep, TrainedWorkspace.MODEL);
        vm.refresh();

        assertThat(vm.models()).extracting(RegisteredModel::name).containsExactly(TrainedWorkspace.MODEL);
        assertThat(vm.versions()).extracting(ModelVersion::version).containsExactly(2, 1);
        assertThat(vm.selectedVersionProperty().get().version()).as("a refresh keeps the chosen version").isEqualTo(1);
        vm.selectVersion(vm.versions().getFirst());
        ModelCardData card = vm.cardProperty().get();
        assertThat(card.model().algorithm()).isEqualTo("xgboost");
        assertThat(card.signature().inputNames())
                .containsExactly("years_it_experience", "years_aws_experience", "hours_of_study");
        assertThat(card.signature().output()).isEqualTo("exam_score");
        assertThat(card.metrics()).containsKeys("rmse", "r2");
        assertThat(card.importance()).hasSize(3);
        assertThat(card.run()).get().satisfies(r -> assertThat(r.id()).isEqualTo(trained.deep));
        assertThat(vm.metricsOf(vm.versions().get(1))).containsKey("rmse");
        assertThat(vm.inputs()).extracting(InputField::name)
                .containsExactly("years_it_experience", "years_aws_experience", "hours_of_study");
        assertThat(vm.inputs()).noneMatch(InputField::categorical);

        vm.selectVersion(vm.versions().get(1));
        assertThat(vm.cardProperty().get().model().algorithm()).isEqualTo("linear_regression");
    }

    @Test
    void predictsOneRowInProcess() {
        fill("4", "1", "15");
        vm.predict();
        PredictionResult p = vm.predictionProperty().get();
        assertThat(p.value()).isBetween(840.0, 940.0);
        assertThat(p.label()).isEmpty();
        assertThat(p.caption()).isEqualTo("predicted exam_score");
        assertThat(vm.predictErrorProperty().get()).isEmpty();

        // a blank field is a missing value (the training median), not an error
        fill("4", "", "15");
        vm.predict();
        assertThat(vm.predictionProperty().get().value()).isCloseTo(p.value(), within(150.0));

        fill("4", "one", "15");
        vm.predict();
        assertThat(vm.predictionProperty().get()).isNull();
        assertThat(vm.predictErrorProperty().get()).contains("years_aws_experience").contains("'one'");

        vm.clearForm();
        assertThat(vm.inputs()).allSatisfy(f -> assertThat(f.value()).isEmpty());
        assertThat(vm.predictErrorProperty().get()).isEmpty();
    }

    @Test
    void approvesAVersionAndMovesTheChampionAlias() throws Exception {
        app.engine().registry().register(trained.deep, TrainedWorkspace.MODEL);
        vm.refresh();
        ModelVersion v1 = vm.versions().get(1);
        vm.selectVersion(v1);
        assertThat(v1.status()).isEqualTo(ApprovalStatus.PENDING);

        vm.setStatus(ApprovalStatus.APPROVED);
        vm.aliasDraftProperty().set("champion");
        vm.setAlias();

        assertThat(vm.selectedVersionProperty().get().version()).as("the selection survives the re-read").isEqualTo(1);
        assertThat(vm.selectedVersionProperty().get().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(vm.selectedVersionProperty().get().aliases()).containsExactly("champion");
        assertThat(vm.models().getFirst().aliases()).containsEntry("champion", 1);

        vm.selectVersion(vm.versions().getFirst());
        vm.setAlias();
        assertThat(app.engine().registry().resolve(TrainedWorkspace.MODEL, "champion").version()).isEqualTo(2);
        assertThat(vm.versions().get(1).aliases()).as("moved away from v1").isEmpty();

        vm.removeAlias("champion");
        assertThat(vm.selectedVersionProperty().get().aliases()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aBadAliasIsRefusedWithTheRegistrysMessage() {
        vm.aliasDraftProperty().set("42");
        vm.setAlias();
        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot set the alias");
            assertThat(e.message()).contains("cannot be a number");
        });
        assertThat(vm.selectedVersionProperty().get().aliases()).isEmpty();
    }

    @Test
    void aClassifierOffersItsCategoriesAndShowsClassProbabilities() throws Exception {
        TrainedWorkspace.addChurnModel(app.engine(), tmp);
        vm.refresh();
        RegisteredModel churn = vm.models().stream().filter(m -> m.name().equals("churn")).findFirst().orElseThrow();
        vm.selectModel(churn);

        InputField plan = vm.inputs().stream().filter(f -> f.name().equals("plan")).findFirst().orElseThrow();
        assertThat(plan.categorical()).isTrue();
        assertThat(plan.categories()).containsExactlyInAnyOrder("basic", "plus", "pro");

        vm.inputs().stream().filter(f -> f.name().equals("tenure")).findFirst().orElseThrow().setValue("3");
        plan.setValue("basic");
        vm.predict();
        PredictionResult p = vm.predictionProperty().get();
        assertThat(p.label()).as("%s / %s", p, vm.cardProperty().get().signature()).contains("left");
        assertThat(p.probabilities()).containsOnlyKeys("left", "stayed");
        assertThat(p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-6));
        assertThat(p.probabilities().keySet()).first().isEqualTo("left");
        assertThat(p.caption()).startsWith("churned · ").endsWith("probability");
    }

    @Test
    void withoutAWorkspaceThereIsNothingToShow() {
        app.switchEngine(null);
        assertThat(vm.models()).isEmpty();
        assertThat(vm.versions()).isEmpty();
        assertThat(vm.cardProperty().get()).isNull();
        assertThat(vm.inputs()).isEmpty();
    }
}
