package dev.osprey.core.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A job's agreement and per-annotator figures. Agreement measures apply to single-label class
 * jobs (Cohen's kappa with exactly two annotators, Fleiss' kappa when every item has the same
 * number of annotations, Krippendorff's alpha always); accuracy is measured for every task
 * type, against the consolidated labels and against the owner's gold items ({@code goldItems} of them;
 * an annotator's {@code goldAnswered} says on how many of those their accuracy vs gold rests).
 */
public record LabelStats(long items, long annotated, OptionalDouble cohensKappa, OptionalDouble fleissKappa,
                         OptionalDouble krippendorffAlpha, Map<String, AnnotatorFigures> annotators,
                         Map<String, Long> consolidatedPerClass, long goldItems) {

    /** How many answers an annotator gave, their mean time, and how often they match consolidated and gold labels. */
    public record AnnotatorFigures(long answers, double meanSeconds, OptionalDouble accuracyVsConsolidated,
                                   OptionalDouble accuracyVsGold, long goldAnswered) {
    }

    public static LabelStats of(LabelJob job, List<LabelItem> items, List<Annotation> annotations,
                                List<ConsolidatedLabel> consolidated) {
        List<Annotation> human = annotations.stream()
                .filter(a -> a.source() != AnnotationSource.MACHINE && a.review() != ReviewState.CORRECTED).toList();
        Map<Long, LabelValue> consolidatedByItem = new HashMap<>();
        Map<String, Long> perClass = new LinkedHashMap<>();
        job.spec().classes().forEach(c -> perClass.put(c.name(), 0L));
        for (ConsolidatedLabel c : consolidated) {
            consolidatedByItem.put(c.item().id(), c.value());
            classesOf(c.value()).forEach(k -> perClass.merge(job.spec().classes().get(k).name(), 1L, Long::sum));
        }
        Map<Long, LabelItem> itemById = new HashMap<>();
        items.forEach(i -> itemById.put(i.id(), i));

        Map<String, long[]> counts = new LinkedHashMap<>(); // answers, millis, agree, compared, goldAgree, goldCompared
        for (Annotation a : human) {
            long[] c = counts.computeIfAbsent(a.annotator(), k -> new long[6]);
            c[0]++;
            c[1] += a.took().toMillis();
            LabelValue cons = consolidatedByItem.get(a.itemId());
            if (cons != null) {
                c[3]++;
                c[2] += matches(a.value(), cons) ? 1 : 0;
            }
            LabelItem item = itemById.get(a.itemId());
            if (item != null && item.gold().isPresent()) {
                c[5]++;
                c[4] += matches(a.value(), item.gold().get()) ? 1 : 0;
            }
        }
        Map<String, AnnotatorFigures> figures = new LinkedHashMap<>();
        counts.forEach((name, c) -> figures.put(name, new AnnotatorFigures(c[0], c[1] / 1000.0 / c[0],
                c[3] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) c[2] / c[3]),
                c[5] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) c[4] / c[5]), c[5])));

        OptionalDouble cohen = OptionalDouble.empty();
        OptionalDouble fleiss = OptionalDouble.empty();
        OptionalDouble alpha = OptionalDouble.empty();
        LabelTaskType type = job.spec().type();
        if (type == LabelTaskType.IMAGE_CLASSIFICATION || type == LabelTaskType.TEXT_CLASSIFICATION) {
            List<String> names = new ArrayList<>(figures.keySet());
            int classes = job.spec().classes().size();
            Map<Long, Integer> row = new HashMap<>();
            List<int[]> matrix = new ArrayList<>();
            for (Annotation a : human) {
                int r = row.computeIfAbsent(a.itemId(), k -> {
                    int[] blank = new int[names.size()];
                    java.util.Arrays.fill(blank, Agreement.MISSING);
                    matrix.add(blank);
                    return matrix.size() - 1;
                });
                matrix.get(r)[names.indexOf(a.annotator())] = ((LabelValue.Classes) a.value()).classes().getFirst();
            }
            int[][] units = matrix.toArray(int[][]::new);
            if (names.size() == 2) {
                int[] x = new int[units.length];
                int[] y = new int[units.length];
                for (int i = 0; i < units.length; i++) {
                    x[i] = units[i][0];
                    y[i] = units[i][1];
                }
                cohen = safe(() -> Agreement.cohensKappa(x, y, classes));
            }
            fleiss = safe(() -> fleiss(units, classes));
            alpha = safe(() -> Agreement.krippendorffAlpha(units, classes));
        }
        long annotated = human.stream().map(Annotation::itemId).distinct().count();
        long gold = items.stream().filter(i -> i.gold().isPresent()).count();
        return new LabelStats(items.size(), annotated, cohen, fleiss, alpha, figures, perClass, gold);
    }

    private static double fleiss(int[][] units, int classes) {
        List<int[]> rows = new ArrayList<>();
        int raters = -1;
        for (int[] u : units) {
            int[] counts = new int[classes];
            int n = 0;
            for (int v : u) {
                if (v != Agreement.MISSING) {
                    counts[v]++;
                    n++;
                }
            }
            if (n < 2) {
                continue;
            }
            if (raters >= 0 && n != raters) {
                throw new IllegalArgumentException("items have different numbers of annotations");
            }
            raters = n;
            rows.add(counts);
        }
        return Agreement.fleissKappa(rows.toArray(int[][]::new));
    }

    private static OptionalDouble safe(java.util.function.DoubleSupplier s) {
        try {
            double v = s.getAsDouble();
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
    }

    private static List<Integer> classesOf(LabelValue v) {
        return switch (v) {
            case LabelValue.Classes c -> c.classes();
            case LabelValue.Boxes b -> b.boxes().stream().map(Box::label).toList();
            case LabelValue.Spans s -> s.spans().stream().map(Span::label).toList();
        };
    }

    /** Same classes; or the same number of regions, each matching one of the other's by class and overlap >= 0.5. */
    static boolean matches(LabelValue a, LabelValue b) {
        return switch (a) {
            case LabelValue.Classes x when b instanceof LabelValue.Classes y ->
                    new java.util.HashSet<>(x.classes()).equals(new java.util.HashSet<>(y.classes()));
            case LabelValue.Boxes x when b instanceof LabelValue.Boxes y -> x.boxes().size() == y.boxes().size()
                    && x.boxes().stream().allMatch(p -> y.boxes().stream().anyMatch(q -> q.label() == p.label() && q.iou(p) >= 0.5));
            case LabelValue.Spans x when b instanceof LabelValue.Spans y -> x.spans().size() == y.spans().size()
                    && x.spans().stream().allMatch(p -> y.spans().stream().anyMatch(q -> q.label() == p.label() && q.overlap(p) >= 0.5));
            default -> false;
        };
    }
}
