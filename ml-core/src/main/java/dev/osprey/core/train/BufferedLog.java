package dev.osprey.core.train;

import dev.osprey.core.job.JobContext;

import java.util.List;

/**
 * A job context for work done on another thread: log lines are kept in {@code lines} (to be
 * written later, in a fixed order), everything else goes to {@code job}.
 */
record BufferedLog(List<String> lines, JobContext job) implements JobContext {
    @Override
    public void progress(double fraction, String message) {
        job.progress(fraction, message);
    }

    @Override
    public void log(String line) {
        lines.add(line);
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }

    @Override
    public void onCancel(Runnable hook) {
        job.onCancel(hook);
    }
}
