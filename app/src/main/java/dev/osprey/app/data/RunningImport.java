package dev.osprey.app.data;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.Job;

/** An import the page started and that has not finished yet (shown above the list, with Cancel). */
public record RunningImport(String fileName, String datasetName, Job<Dataset> job) {
    public void cancel() {
        job.cancel();
    }
}
