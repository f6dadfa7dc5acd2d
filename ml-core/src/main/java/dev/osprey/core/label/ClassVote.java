package dev.osprey.core.label;

/** One annotator's class for one item, as indexes: the input of {@link DawidSkene}. */
public record ClassVote(int item, int annotator, int label) {
    public ClassVote {
        if (item < 0 || annotator < 0 || label < 0) {
            throw new IllegalArgumentException("item, annotator and label indexes must be >= 0");
        }
    }
}
