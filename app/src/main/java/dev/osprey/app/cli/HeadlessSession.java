package dev.osprey.app.cli;

import dev.osprey.core.Engine;
import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import dev.osprey.core.job.JobTask;
import dev.osprey.core.workspace.WorkspaceException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * One headless command's hold on a workspace: the open engine (which holds the workspace lock)
 * and a one-thread job service. {@link #run} runs long work as a job, so it gets the same progress
 * and cancel contract as in the studio: progress on stderr, Ctrl+C cancels and rolls back.
 */
final class HeadlessSession implements AutoCloseable {
    private final CliEnvironment env;
    private final PrintWriter err;
    private final Engine engine;
    private final JobService jobs = new JobService(1);

    private HeadlessSession(CliEnvironment env, PrintWriter err, Engine engine) {
        this.env = env;
        this.err = err;
        this.engine = engine;
    }

    static HeadlessSession open(CliEnvironment env, PrintWriter err, Path workspaceDir) throws WorkspaceException {
        return new HeadlessSession(env, err, Engine.open(workspaceDir));
    }

    Engine engine() {
        return engine;
    }

    /**
     * Runs {@code task} as a job and waits for it. The task's own exceptions come back unwrapped;
     * a cancel (Ctrl+C) becomes {@link CliException#cancelled()} once the job has finished undoing.
     */
    <T> T run(String title, JobTask<T> task) throws Exception {
        ProgressPrinter printer = ProgressPrinter.forTerminal(err, title, env.errIsTerminal());
        Job<T> job = jobs.submit(title, context -> task.run(new PrintingContext(context, printer)));
        InterruptHandler.Registration ctrlC = env.interrupts().whileRunning(job::cancel);
        try {
            return job.await();
        } catch (CancellationException e) {
            throw CliException.cancelled();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw CliException.cancelled();
        } finally {
            ctrlC.close();
            printer.finish();
        }
    }

    @Override
    public void close() {
        jobs.shutdown(10);
        engine.close();
    }

    /** Forwards progress to the printer directly, so no event is lost between submit and subscribe. */
    private record PrintingContext(JobContext delegate, ProgressPrinter printer) implements JobContext {
        @Override
        public void progress(double fraction, String message) {
            delegate.progress(fraction, message);
            printer.progress(fraction, message);
        }

        @Override
        public void log(String line) {
            delegate.log(line);
        }

        @Override
        public boolean isCancelled() {
            return delegate.isCancelled();
        }

        @Override
        public void onCancel(Runnable hook) {
            delegate.onCancel(hook);
        }
    }
}
