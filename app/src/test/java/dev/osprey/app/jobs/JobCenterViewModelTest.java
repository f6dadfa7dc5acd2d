package dev.osprey.app.jobs;

import dev.osprey.app.fx.FxJobMonitor;
import dev.osprey.app.fx.ManualFlushScheduler;
import dev.osprey.app.shell.RecordingDialogs;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobService;
import dev.osprey.core.job.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobCenterViewModelTest {
    private final JobService jobs = new JobService(2);
    private final ManualFlushScheduler scheduler = new ManualFlushScheduler();
    private final FxJobMonitor monitor = new FxJobMonitor(jobs, Runnable::run, scheduler);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final JobCenterViewModel vm = new JobCenterViewModel(monitor, dialogs, clock);

    @AfterEach
    void tearDown() {
        monitor.close();
        jobs.shutdown(5);
    }

    /** A job that reports {@code fraction} and waits until released (or cancelled). */
    private Job<Void> heldJob(String title, double fraction, CountDownLatch release) throws InterruptedException {
        CountDownLatch reported = new CountDownLatch(1);
        Job<Void> job = jobs.submit(title, ctx -> {
            ctx.progress(fraction, "step");
            reported.countDown();
            while (!release.await(5, TimeUnit.MILLISECONDS)) {
                ctx.checkCancelled();
            }
            return null;
        });
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        return job;
    }

    @Test
    void noJobsMeansAnIdleSummary() {
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No jobs running");
        assertThat(vm.activeCountProperty().get()).isZero();
        assertThat(vm.hasFinishedProperty().get()).isFalse();
    }

    @Test
    void oneRunningJobShowsItsTitleAndPercentage() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Job<Void> job = heldJob("Importing sales.csv", 0.42, release);
        scheduler.runPending();

        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.titleProperty().get()).isEqualTo("Importing sales.csv");
            assertThat(row.statusTextProperty().get()).isEqualTo("Running");
            assertThat(row.progressProperty().get()).isEqualTo(0.42);
            assertThat(row.messageProperty().get()).isEqualTo("step");
            assertThat(row.cancellableProperty().get()).isTrue();
            assertThat(row.percentProperty().get()).isEqualTo("42%");
        });
        assertThat(vm.summaryProperty().get()).isEqualTo("Importing sales.csv 42%");
        assertThat(vm.summaryProgressProperty().get()).isEqualTo(0.42);
        release.countDown();
        job.await();
        scheduler.runPending();
        assertThat(vm.rows().getFirst().statusTextProperty().get()).isEqualTo("Done");
        assertThat(vm.summaryProperty().get()).isEqualTo("No jobs running");
    }

    @Test
    void twoRunningJobsAreCountedAndListedNewestFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        heldJob("first", 0.2, release);
        heldJob("second", 0.6, release);
        scheduler.runPending();
        assertThat(vm.summaryProperty().get()).isEqualTo("2 jobs running");
        assertThat(vm.summaryProgressProperty().get()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.rows()).extracting(r -> r.titleProperty().get()).containsExactly("second", "first");
        release.countDown();
    }

    @Test
    void cancelEndsTheJobAsCancelledAndHidesTheButton() throws Exception {
        Job<Void> job = heldJob("Training churn model", 0.1, new CountDownLatch(1));
        scheduler.runPending();
        JobRowModel row = vm.rows().getFirst();

        vm.cancel(row);
        assertThat(row.cancellableProperty().get()).isFalse();
        assertThat(row.statusTextProperty().get()).isEqualTo("Cancelling");
        assertThatThrownBy(job::await).isInstanceOf(CancellationException.class);
        scheduler.runPending();

        assertThat(row.statusProperty().get()).isEqualTo(JobStatus.CANCELLED);
        assertThat(row.statusTextProperty().get()).isEqualTo("Cancelled");
        assertThat(vm.hasFinishedProperty().get()).isTrue();
    }

    @Test
    void clearFinishedKeepsRunningJobsOnly() throws Exception {
        jobs.submit("done already", ctx -> 1).await();
        CountDownLatch release = new CountDownLatch(1);
        heldJob("still running", 0.5, release);
        scheduler.runPending();
        assertThat(vm.rows()).hasSize(2);

        vm.clearFinished();

        assertThat(vm.rows()).extracting(r -> r.titleProperty().get()).containsExactly("still running");
        assertThat(jobs.jobs()).hasSize(1);
        assertThat(vm.hasFinishedProperty().get()).isFalse();
        release.countDown();
    }

    @Test
    void aLateUpdateOfAClearedJobDoesNotBringItBack() throws Exception {
        jobs.submit("old import", ctx -> 1).await();
        scheduler.runPending();
        var stale = vm.rows().getFirst();
        var late = new dev.osprey.app.fx.JobSnapshot(stale.id(), "old import", JobStatus.SUCCEEDED, 1, "", null, null,
                Duration.ofSeconds(1), Instant.now());
        vm.clearFinished();

        vm.apply(java.util.List.of(late));

        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aFailedJobShowsItsReasonAndOpensTheDetails() {
        Job<Void> job = jobs.submit("Import broken.csv", ctx -> {
            throw new IllegalArgumentException("line 7: expected 4 fields, found 3");
        });
        job.result().handle((v, e) -> null).join();
        scheduler.runPending();
        JobRowModel row = vm.rows().getFirst();
        assertThat(row.isFailed()).isTrue();
        assertThat(row.messageProperty().get()).isEqualTo("line 7: expected 4 fields, found 3");

        vm.showFailure(row);

        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Import broken.csv failed");
            assertThat(e.message()).isEqualTo("line 7: expected 4 fields, found 3");
            assertThat(e.details()).contains("IllegalArgumentException");
        });
    }

    @Test
    void elapsedTimeOfARunningJobTicksWithTheClock() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        heldJob("long", 0.5, release);
        scheduler.runPending();
        JobRowModel row = vm.rows().getFirst();
        String before = row.elapsedProperty().get();
        clock.advance(Duration.ofMinutes(3).plusSeconds(2));
        vm.tick();
        assertThat(row.elapsedProperty().get()).isNotEqualTo(before).matches("3:0\\d");
        release.countDown();
    }

    @Test
    void elapsedIsFormattedForPeople() {
        assertThat(JobRowModel.formatElapsed(Duration.ofSeconds(7))).isEqualTo("7 s");
        assertThat(JobRowModel.formatElapsed(Duration.ofSeconds(125))).isEqualTo("2:05");
        assertThat(JobRowModel.formatElapsed(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
