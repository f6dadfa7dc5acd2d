package dev.osprey.app.fx;

import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobService;
import dev.osprey.core.job.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FxJobMonitorTest {
    private final JobService jobs = new JobService(2);
    private final ManualFlushScheduler scheduler = new ManualFlushScheduler();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final FxJobMonitor monitor = new FxJobMonitor(jobs, uiQueue::add, scheduler);
    private final List<List<JobSnapshot>> batches = new ArrayList<>();

    {
        monitor.subscribe(batches::add);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        jobs.shutdown(5);
    }

    /** Runs the pending flush, then what it queued for the UI thread. */
    private void flushToUi() {
        scheduler.runPending();
        List<Runnable> queued = new ArrayList<>(uiQueue);
        uiQueue.clear();
        queued.forEach(Runnable::run);
    }

    @Test
    void tenThousandProgressEventsReachTheUiAsOneSnapshotWithTheLatestState() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Job<Void> job = jobs.submit("Importing sales.csv", ctx -> {
            for (int i = 1; i <= 10_000; i++) {
                ctx.progress(i / 10_000.0, "row " + i);
            }
            reported.countDown();
            release.await();
            return null;
        });
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(scheduler.scheduledCount()).isEqualTo(1);
        flushToUi();

        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(job.id());
            assertThat(s.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(s.progress()).isEqualTo(1.0);
            assertThat(s.message()).isEqualTo("row 10000");
            assertThat(s.title()).isEqualTo("Importing sales.csv");
        });
        release.countDown();
        job.await();
    }

    @Test
    void nothingReachesTheUiBeforeTheFlushAndTheUiExecutorDeliversIt() throws Exception {
        Job<String> job = jobs.submit("quick", ctx -> "done");
        job.await();
        assertThat(batches).isEmpty();
        scheduler.runPending();
        assertThat(batches).as("delivered only through the UI executor").isEmpty();
        assertThat(uiQueue).hasSize(1);
        uiQueue.getFirst().run();
        assertThat(batches.getFirst()).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(JobStatus.SUCCEEDED));
    }

    @Test
    void eventsAfterAFlushScheduleTheNextOne() throws Exception {
        jobs.submit("first", ctx -> 1).await();
        flushToUi();
        int before = scheduler.scheduledCount();
        jobs.submit("second", ctx -> 2).await();
        assertThat(scheduler.scheduledCount()).isEqualTo(before + 1);
        flushToUi();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).extracting(JobSnapshot::title).containsExactly("second");
    }

    @Test
    void cancelStopsARunningJobAndTheSnapshotSaysCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Job<Void> job = jobs.submit("endless", ctx -> {
            started.countDown();
            while (true) {
                ctx.progress(-1, "working");
                ctx.checkCancelled();
                Thread.onSpinWait();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(monitor.cancel(job.id())).isTrue();
        assertThatThrownBy(job::await).isInstanceOf(java.util.concurrent.CancellationException.class);
        flushToUi();
        JobSnapshot last = batches.getLast().getLast();
        assertThat(last.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aFailureKeepsTheUserMessageAndTheCause() {
        Job<Void> job = jobs.submit("broken", ctx -> {
            throw new IllegalStateException("column 'price' is not numeric");
        });
        job.result().handle((v, e) -> null).join();
        flushToUi();
        JobSnapshot s = batches.getLast().getLast();
        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.failure()).isEqualTo("column 'price' is not numeric");
        assertThat(s.cause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void currentListsJobsSubmittedBeforeTheViewSubscribed() throws Exception {
        jobs.submit("a", ctx -> 1).await();
        jobs.submit("b", ctx -> 2).await();
        assertThat(monitor.current()).extracting(JobSnapshot::title).containsExactly("a", "b");
        monitor.clearFinished();
        assertThat(monitor.current()).isEmpty();
        assertThat(monitor.cancel(new dev.osprey.core.job.JobId(1))).isFalse();
    }

    @Test
    void closedMonitorNoLongerListens() throws Exception {
        monitor.close();
        int before = scheduler.scheduledCount();
        jobs.submit("late", ctx -> 1).await();
        assertThat(scheduler.scheduledCount()).isEqualTo(before);
    }
}
