package dev.osprey.core.label;

/** An entity span over a text as character offsets {@code [start, end)} with a class index. */
public record Span(int start, int end, int label) {
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** Overlap over union of the two character ranges. */
    public double overlap(Span other) {
        int inter = Math.min(end, other.end) - Math.max(start, other.start);
        if (inter <= 0) {
            return 0;
        }
        return (double) inter / (length() + other.length() - inter);
    }
}
