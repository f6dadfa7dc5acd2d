package dev.osprey.core.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs jobs on its own bounded pool and keeps the list of jobs of this session (the job center
 * shows it). Listeners added here see every event of every job, on the job's thread.
 */
public final class JobService implements AutoCloseable {
    private final ExecutorService executor;
    private final AtomicLong ids = new AtomicLong();
    private final List<Job<?>> jobs = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super JobEvent>> listeners = new CopyOnWriteArrayList<>();

    /** A pool of {@code threads} worker threads. */
    public JobService(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a job service needs at least one thread, not " + threads);
        }
        AtomicLong n = new AtomicLong();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "osprey-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    public JobService() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public <T> Job<T> submit(String title, JobTask<T> task) {
        Job<T> job = new Job<>(new JobId(ids.incrementAndGet()), title);
        job.subscribe(this::broadcast);
        jobs.add(job);
        broadcast(new JobEvent.Queued(job.id(), title));
        executor.execute(() -> job.run(task));
        return job;
    }

    /** Every job submitted in this session, oldest first. */
    public List<Job<?>> jobs() {
        return List.copyOf(jobs);
    }

    public List<Job<?>> activeJobs() {
        List<Job<?>> active = new ArrayList<>();
        for (Job<?> j : jobs) {
            if (!j.status().isTerminal()) {
                active.add(j);
            }
        }
        return active;
    }

    /** Forgets finished jobs (the job center's "clear"). */
    public void clearFinished() {
        jobs.removeIf(j -> j.status().isTerminal());
    }

    public void addListener(Consumer<? super JobEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<? super JobEvent> listener) {
        listeners.remove(listener);
    }

    private void broadcast(JobEvent event) {
        for (Consumer<? super JobEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ignored) {
                // listeners are UI adapters and loggers; one failing must not stop the others
            }
        }
    }

    /** Cancels running jobs and stops the pool, waiting up to {@code seconds} for them to end. */
    public void shutdown(long seconds) {
        for (Job<?> j : jobs) {
            j.cancel();
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(5);
    }
}
