package dev.osprey.app.quality;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.job.JobService;
import dev.osprey.core.quality.QualityReport;
import dev.osprey.core.sample.SampleWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The view model without a stage: a same-thread UI executor and a real engine on the exam-score sample. */
class QualityReportViewModelTest {
    @TempDir
    Path tmp;
    RecordingDialogs dialogs;
    AppContext app;
    Dataset exam;

    @BeforeEach
    void setUp() throws Exception {
        dialogs = new RecordingDialogs();
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(2), dialogs, Runnable::run);
        app.switchEngine(Engine.open(SampleWorkspace.ensure(tmp.resolve("ws"))));
        exam = app.engine().datasets().find(SampleWorkspace.DATASET).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void reportsOnTheDatasetsOwnTargetAndExportsHtml() throws Exception {
        QualityReportViewModel vm = new QualityReportViewModel(app, exam.id(), Optional.empty());
        assertThat(vm.stateProperty().get()).isEqualTo(QualityReportViewModel.State.IDLE);
        QualityReport r = vm.start().get(120, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(vm.stateProperty().get()).isEqualTo(QualityReportViewModel.State.DONE);
        assertThat(vm.reportProperty().get()).isSameAs(r);
        assertThat(vm.targetProperty().get()).isEqualTo(SampleWorkspace.TARGET);
        assertThat(vm.datasetNameProperty().get()).isEqualTo(SampleWorkspace.DATASET);
        assertThat(vm.targetChoices()).contains(QualityReportViewModel.NO_TARGET, "hours_of_study", SampleWorkspace.TARGET);
        assertThat(r.quickModel()).isPresent();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);

        Path out = tmp.resolve("exam.html");
        assertThat(vm.exportHtml(out).get(30, TimeUnit.SECONDS)).isEqualTo(out);
        assertThat(Files.readString(out)).contains("Data quality and insights: exam_scores");
        assertThat(dialogs.notifications).anyMatch(n -> n.contains("exam.html"));
    }

    @Test
    void noTargetMakesAReportWithoutModel() throws Exception {
        QualityReportViewModel vm = new QualityReportViewModel(app, exam.id(), Optional.empty());
        vm.targetProperty().set(QualityReportViewModel.NO_TARGET);
        QualityReport r = vm.start().get(120, TimeUnit.SECONDS);
        assertThat(r.target()).isEmpty();
        assertThat(r.quickModel()).isEmpty();
        assertThat(vm.targetProperty().get()).isEqualTo(QualityReportViewModel.NO_TARGET);
    }

    @Test
    void cancelStopsTheReportAndSaysSo() throws Exception {
        // Both workers are busy, so the report waits in the queue where cancel catches it for sure.
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            app.jobs().submit("busy", ctx -> release.await(30, TimeUnit.SECONDS));
        }
        QualityReportViewModel vm = new QualityReportViewModel(app, exam.id(), Optional.empty());
        CompletableFuture<QualityReport> done = vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(QualityReportViewModel.State.RUNNING);
        vm.cancel();
        release.countDown();
        assertThat(done.get(60, TimeUnit.SECONDS)).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(QualityReportViewModel.State.CANCELLED);
        assertThat(vm.reportProperty().get()).isNull();
    }

    @Test
    void anUnknownTargetFailsWithAClearMessage() throws Exception {
        QualityReportViewModel vm = new QualityReportViewModel(app, exam.id(), Optional.of("grade"));
        assertThat(vm.start().get(60, TimeUnit.SECONDS)).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(QualityReportViewModel.State.FAILED);
        assertThat(vm.failureProperty().get()).startsWith("The dataset 'exam_scores' has no column 'grade'.");
        assertThat(vm.reportProperty().get()).isNull();
    }

    @Test
    void anUnknownDatasetFailsWithAClearMessage() throws Exception {
        QualityReportViewModel vm = new QualityReportViewModel(app, new DatasetId(4242), Optional.empty());
        assertThat(vm.start().get(60, TimeUnit.SECONDS)).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(QualityReportViewModel.State.FAILED);
        assertThat(vm.failureProperty().get()).contains("4242");
    }
}
