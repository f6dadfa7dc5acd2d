package dev.osprey.core.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Consolidates the boxes (or entity spans) several annotators drew on one item. Regions of the
 * same class are clustered greedily by overlap (IoU for boxes, overlap over union for spans):
 * each region joins the cluster it overlaps most, at or above the threshold, that has no region
 * from the same annotator yet. A cluster becomes one region when at least {@code minSupport}
 * annotators drew it; boxes average their coordinates, spans take the most common boundaries.
 * A region only one careless annotator drew is dropped when {@code minSupport} is 2 or more.
 */
public final class RegionConsolidation {
    private final double threshold;
    private final int minSupport;

    public RegionConsolidation(double threshold, int minSupport) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the overlap threshold must be in (0, 1], got " + threshold);
        }
        if (minSupport < 1) {
            throw new IllegalArgumentException("minSupport must be >= 1");
        }
        this.threshold = threshold;
        this.minSupport = minSupport;
    }

    /** One annotator's region. */
    public record Drawn<T>(int annotator, T region) {
    }

    public List<Consolidated<Box>> boxes(List<Drawn<Box>> drawn, int annotators) {
        return consolidate(drawn, annotators, Box::label, Box::iou, RegionConsolidation::meanBox);
    }

    public List<Consolidated<Span>> spans(List<Drawn<Span>> drawn, int annotators) {
        return consolidate(drawn, annotators, Span::label, Span::overlap, RegionConsolidation::modalSpan);
    }

    private <T> List<Consolidated<T>> consolidate(List<Drawn<T>> drawn, int annotators,
                                                  java.util.function.ToIntFunction<T> label,
                                                  ToDoubleBiFunction<T, T> overlap,
                                                  java.util.function.Function<List<T>, T> merge) {
        if (annotators < 1) {
            throw new IllegalArgumentException("annotators must be >= 1");
        }
        List<List<Drawn<T>>> clusters = new ArrayList<>();
        List<T> centres = new ArrayList<>();
        for (Drawn<T> d : drawn) {
            int best = -1;
            double bestOverlap = threshold;
            for (int c = 0; c < clusters.size(); c++) {
                List<Drawn<T>> cluster = clusters.get(c);
                if (label.applyAsInt(centres.get(c)) != label.applyAsInt(d.region())
                        || cluster.stream().anyMatch(o -> o.annotator() == d.annotator())) {
                    continue;
                }
                double o = overlap.applyAsDouble(centres.get(c), d.region());
                if (o >= bestOverlap) {
                    bestOverlap = o;
                    best = c;
                }
            }
            if (best < 0) {
                clusters.add(new ArrayList<>(List.of(d)));
                centres.add(d.region());
            } else {
                clusters.get(best).add(d);
                centres.set(best, merge.apply(clusters.get(best).stream().map(Drawn::region).toList()));
            }
        }
        List<Consolidated<T>> out = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            List<Drawn<T>> cluster = clusters.get(c);
            if (cluster.size() < minSupport) {
                continue;
            }
            T centre = centres.get(c);
            double meanOverlap = cluster.stream().mapToDouble(d -> overlap.applyAsDouble(centre, d.region()))
                    .average().orElse(0);
            double share = Math.min(1.0, (double) cluster.size() / annotators);
            out.add(new Consolidated<>(centre, cluster.size(), share * meanOverlap));
        }
        out.sort(Comparator.comparingDouble((Consolidated<T> x) -> -x.confidence()));
        return List.copyOf(out);
    }

    private static Box meanBox(List<Box> boxes) {
        double l = 0;
        double t = 0;
        double r = 0;
        double b = 0;
        for (Box x : boxes) {
            l += x.left();
            t += x.top();
            r += x.right();
            b += x.bottom();
        }
        int n = boxes.size();
        return new Box(l / n, t / n, (r - l) / n, (b - t) / n, boxes.getFirst().label());
    }

    /** Spans snap to token boundaries, so averaging offsets would cut words: take the commonest start and end. */
    private static Span modalSpan(List<Span> spans) {
        int start = mode(spans.stream().mapToInt(Span::start).toArray());
        int end = mode(spans.stream().mapToInt(Span::end).toArray());
        if (end <= start) {
            start = spans.getFirst().start();
            end = spans.getFirst().end();
        }
        return new Span(start, end, spans.getFirst().label());
    }

    private static int mode(int[] xs) {
        java.util.Arrays.sort(xs);
        int best = xs[0];
        int bestCount = 0;
        int i = 0;
        while (i < xs.length) {
            int j = i;
            while (j < xs.length && xs[j] == xs[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = xs[i];
            }
            i = j;
        }
        return best;
    }
}
