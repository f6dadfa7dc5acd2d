package dev.osprey.core.job;

/** The work of a job. Throwing {@link JobCancelledException} (or any exception after cancel) ends it as cancelled. */
@FunctionalInterface
public interface JobTask<T> {
    T run(JobContext context) throws Exception;
}
