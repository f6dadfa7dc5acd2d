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
        double[][] x = new double[items.size()][];
        if (job.spec().type().textItems()) {
            TextFeatures tf = TextFeatures.fit(items.stream().map(LabelItem::source).toList(), MAX_TERMS);
            if (tf.size() == 0) {
                throw new LabelException("job '" + job.name() + "': the texts have no words to learn from");
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = tf.transform(items.get(i).source());
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                context.checkCancelled();
                x[i] = ImageFeatures.of(workspaceRoot.resolve(items.get(i).source()));
                if (i % 50 == 0) {
                    context.progress(0.5 * i / x.length, "Reading images " + i + " / " + x.length);
                }
            }
        }
        return x;
    }
}
