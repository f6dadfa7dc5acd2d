package dev.osprey.core.job;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobServiceTest {
    private final JobService jobs = new JobService(2);

    @AfterEach
    void tearDown() {
        jobs.close();
    }

    @Test
    void aJobReportsProgressAndItsResult() throws Exception {
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        jobs.addListener(events::add);
        Job<Integer> job = jobs.submit("count", ctx -> {
            for (int i = 1; i <= 4; i++) {
                ctx.progress(i / 4.0, "step " + i);
            }
            return 42;
        });
        assertThat(job.await()).isEqualTo(42);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.progress()).isEqualTo(1.0);
        assertThat(events).first().isInstanceOf(JobEvent.Queued.class);
        assertThat(events).filteredOn(JobEvent.Progress.class::isInstance).hasSize(4);
        assertThat(events).last().isInstanceOf(JobEvent.Succeeded.class);
        assertThat(jobs.jobs()).containsExactly(job);
        assertThat(jobs.activeJobs()).isEmpty();
    }

    @Test
    void cancelStopsAPollingJobAndMarksItCancelled() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Job<Void> job = jobs.submit("spin", ctx -> {
            running.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        job.cancel();
        assertThatThrownBy(job::await).isInstanceOf(CancellationException.class);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void cancelInterruptsBlockingWorkAndRunsCancelHooks() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch hookRan = new CountDownLatch(1);
        Job<Void> job = jobs.submit("sleep", ctx -> {
            ctx.onCancel(hookRan::countDown);
            running.countDown();
            Thread.sleep(60_000);
            return null;
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        job.cancel();
        assertThat(hookRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(job::await).isInstanceOf(CancellationException.class);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aFailureKeepsTheUserMessageAndTheCause() {
        Job<Void> job = jobs.submit("fail", ctx -> {
            throw new IllegalStateException("Line 5: expected 3 fields, found 4");
        });
        assertThatThrownBy(job::await).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.failure()).contains("Line 5: expected 3 fields, found 4");
    }

    @Test
    void aJobCancelledWhileQueuedNeverRuns() throws Exception {
        try (JobService single = new JobService(1)) {
            CountDownLatch release = new CountDownLatch(1);
            Job<Void> blocker = single.submit("blocker", ctx -> {
                release.await();
                return null;
            });
            List<String> ran = new CopyOnWriteArrayList<>();
            Job<Void> queued = single.submit("queued", ctx -> {
                ran.add("ran");
                return null;
            });
            assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
            queued.cancel();
            release.countDown();
            blocker.await();
            assertThatThrownBy(queued::await).isInstanceOf(CancellationException.class);
            assertThat(ran).isEmpty();
            assertThat(queued.status()).isEqualTo(JobStatus.CANCELLED);
        }
    }

    @Test
    void clearFinishedKeepsRunningJobs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Job<Integer> done = jobs.submit("done", ctx -> 1);
        done.await();
        Job<Void> running = jobs.submit("running", ctx -> {
            release.await();
            return null;
        });
        jobs.clearFinished();
        assertThat(jobs.jobs()).containsExactly(running);
        release.countDown();
        running.await();
    }

    @Test
    void aThrowingListenerDoesNotBreakTheJob() throws Exception {
        jobs.addListener(e -> {
            throw new RuntimeException("broken listener");
        });
        assertThat(jobs.submit("ok", ctx -> "fine").await()).isEqualTo("fine");
    }
}
