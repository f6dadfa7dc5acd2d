package dev.osprey.app.labeling;

import dev.osprey.core.label.ConsolidatedLabel;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelStats;
import dev.osprey.core.label.LabelStore;

import java.util.List;

/** Everything the dashboard shows for one job, read together off the FX thread ({@code suggestions}: items with a model's suggestion). */
public record JobSummary(LabelJob job, LabelStore.Progress progress, LabelStats stats, List<ConsolidatedLabel> consolidated,
                         List<ConsolidatedLabel> review, int[] confidenceHistogram, long suggestions) {
    public static final int BINS = 10;

    /** Items to review first: consolidated with the lowest confidence, or labelled only by the machine. */
    static List<ConsolidatedLabel> reviewQueue(List<ConsolidatedLabel> labels) {
        return labels.stream().filter(l -> l.confidence() < 0.7 || !l.humanAnnotated())
                .sorted(java.util.Comparator.comparingDouble(ConsolidatedLabel::confidence)).limit(200).toList();
    }

    static int[] histogram(List<ConsolidatedLabel> labels) {
        int[] bins = new int[BINS];
        for (ConsolidatedLabel l : labels) {
            bins[Math.min(BINS - 1, (int) (l.confidence() * BINS))]++;
        }
        return bins;
    }
}
