package dev.osprey.core.label;

import dev.osprey.core.job.JobContext;

import java.nio.file.Path;
import java.util.List;

/** Feature vectors of a job's items: TF-IDF for texts, {@link ImageFeatures} for images (paths relative to the workspace). */
final class ItemFeatures {
    static final int MAX_TERMS = 2000;

    private ItemFeatures() {
    }

    static double[][] of(LabelJob job, List<LabelItem> items, Path workspaceRoot, JobContext context) throws LabelException {
        return LabelFeatures.fit(job, items).matrix(items, workspaceRoot, context);
    }
}
