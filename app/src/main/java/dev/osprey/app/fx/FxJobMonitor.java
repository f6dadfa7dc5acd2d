package dev.osprey.app.fx;

import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobEvent;
import dev.osprey.core.job.JobId;
import dev.osprey.core.job.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries job state from worker threads to the UI. Job events arrive on the jobs' own threads,
 * possibly thousands per second; this only marks the job as changed and schedules one flush.
 * The flush (at most one per interval) reads each changed job's current state into a
 * {@link JobSnapshot} and hands the batch to the subscribers on the UI executor. Latest state
 * wins: 10,000 progress events in one interval reach the UI as one snapshot.
 */
public final class FxJobMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxJobMonitor.class);

    /** Runs a flush once, later. The studio waits the coalescing interval; tests flush by hand. */
    @FunctionalInterface
    public interface FlushScheduler {
        void schedule(Runnable flush);
    }

    private final JobService jobs;
    private final Executor uiExecutor;
    private final FlushScheduler scheduler;
    private final AutoCloseable schedulerResource;
    private final Set<JobId> dirty = ConcurrentHashMap.newKeySet();
    private final Map<JobId, Throwable> causes = new ConcurrentHashMap<>();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final List<Consumer<? super List<JobSnapshot>>> subscribers = new CopyOnWriteArrayList<>();
    private final Consumer<JobEvent> listener = this::onEvent;

    /** The studio's monitor: flushes onto the FX thread at most every {@code interval}. */
    public static FxJobMonitor onFxThread(JobService jobs, Duration interval) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "osprey-job-monitor");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, interval.toMillis());
        FlushScheduler scheduler = flush -> timer.schedule(flush, millis, TimeUnit.MILLISECONDS);
        return new FxJobMonitor(jobs, FxThread.executor(), scheduler, timer::shutdownNow);
    }

    /**
     * A monitor with an explicit UI executor and scheduler (tests pass {@code Runnable::run}
     * and a scheduler they drive).
     */
    public FxJobMonitor(JobService jobs, Executor uiExecutor, FlushScheduler scheduler) {
        this(jobs, uiExecutor, scheduler, () -> {
        });
    }

    private FxJobMonitor(JobService jobs, Executor uiExecutor, FlushScheduler scheduler, AutoCloseable resource) {
        this.jobs = Objects.requireNonNull(jobs);
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.schedulerResource = resource;
        jobs.addListener(listener);
    }

    /** Receives every later batch of changed jobs, on the UI executor. */
    public void subscribe(Consumer<? super List<JobSnapshot>> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber));
    }

    public void unsubscribe(Consumer<? super List<JobSnapshot>> subscriber) {
        subscribers.remove(subscriber);
    }

    /** Snapshots of all jobs of the session right now, oldest first (a view's initial state). */
    public List<JobSnapshot> current() {
        Instant now = Instant.now();
        List<JobSnapshot> all = new ArrayList<>();
        for (Job<?> job : jobs.jobs()) {
            all.add(snapshot(job, now));
        }
        return all;
    }

    /** Asks a job to stop; false when it is no longer known (cleared). */
    public boolean cancel(JobId id) {
        Job<?> job = find(id);
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }

    /** Forgets finished jobs in the service (the job center's "Clear finished"). */
    public void clearFinished() {
        jobs.clearFinished();
        causes.keySet().removeIf(id -> find(id) == null);
    }

    private void onEvent(JobEvent event) {
        if (event instanceof JobEvent.Failed failed && failed.cause() != null) {
            causes.put(failed.jobId(), failed.cause());
        }
        dirty.add(event.jobId());
        if (flushPending.compareAndSet(false, true)) {
            scheduler.schedule(this::flush);
        }
    }

    private void flush() {
        // Reset first: an event arriving while we drain schedules the next flush instead of being lost.
        flushPending.set(false);
        Set<JobId> changed = new LinkedHashSet<>();
        for (JobId id : dirty) {
            if (dirty.remove(id)) {
                changed.add(id);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<JobSnapshot> batch = new ArrayList<>(changed.size());
        for (Job<?> job : jobs.jobs()) {
            if (changed.contains(job.id())) {
                batch.add(snapshot(job, now));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<JobSnapshot> immutable = List.copyOf(batch);
        uiExecutor.execute(() -> deliver(immutable));
    }

    private void deliver(List<JobSnapshot> batch) {
        for (Consumer<? super List<JobSnapshot>> s : subscribers) {
            try {
                s.accept(batch);
            } catch (RuntimeException e) {
                LOG.error("A job view failed to apply an update", e);
            }
        }
    }

    private JobSnapshot snapshot(Job<?> job, Instant now) {
        return new JobSnapshot(job.id(), job.title(), job.status(), job.progress(), job.message(),
                job.failure().orElse(null), causes.get(job.id()), job.elapsed().orElse(Duration.ZERO), now);
    }

    private Job<?> find(JobId id) {
        for (Job<?> job : jobs.jobs()) {
            if (job.id().equals(id)) {
                return job;
            }
        }
        return null;
    }

    @Override
    public void close() {
        jobs.removeListener(listener);
        subscribers.clear();
        try {
            schedulerResource.close();
        } catch (Exception e) {
            LOG.debug("Stopping the job monitor's timer failed", e);
        }
    }
}
