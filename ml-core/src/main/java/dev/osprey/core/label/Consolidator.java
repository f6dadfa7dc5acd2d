package dev.osprey.core.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a job's annotations into one label per item. Single-label classes go through
 * {@link DawidSkene}, so reliable annotators count for more; multi-label classes keep each class
 * at least half the item's annotators chose; boxes and spans are clustered by overlap
 * ({@link RegionConsolidation}) and kept when at least half the annotators drew them.
 * A reviewer's accepted answer overrides the others; corrected annotations are left out.
 */
public final class Consolidator {
    private final double overlapThreshold;

    public Consolidator(double overlapThreshold) {
        this.overlapThreshold = overlapThreshold;
    }

    public Consolidator() {
        this(0.5);
    }

    public List<ConsolidatedLabel> consolidate(LabelJob job, List<LabelItem> items, List<Annotation> annotations) {
        Map<Long, List<Annotation>> byItem = new LinkedHashMap<>();
        for (Annotation a : annotations) {
            if (a.review() != ReviewState.CORRECTED) {
                byItem.computeIfAbsent(a.itemId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<Long, Annotation> reviewed = new HashMap<>();
        byItem.forEach((item, list) -> list.stream().filter(a -> a.review() == ReviewState.ACCEPTED)
                .reduce((x, y) -> y).ifPresent(a -> reviewed.put(item, a)));
        Map<Long, ConsolidatedLabel> out = switch (job.spec().type()) {
            case IMAGE_CLASSIFICATION, TEXT_CLASSIFICATION -> singleClass(job, items, byItem);
            case IMAGE_MULTI_LABEL, TEXT_MULTI_LABEL -> multiClass(job, items, byItem);
            case BOUNDING_BOX, NAMED_ENTITY -> regions(job, items, byItem);
        };
        List<ConsolidatedLabel> result = new ArrayList<>();
        for (LabelItem item : items) {
            Annotation accepted = reviewed.get(item.id());
            if (accepted != null) {
                result.add(new ConsolidatedLabel(item, accepted.value(), 1.0, byItem.get(item.id()).size(), true));
            } else if (out.containsKey(item.id())) {
                result.add(out.get(item.id()));
            }
        }
        return result;
    }

    private static boolean human(List<Annotation> list) {
        return list.stream().anyMatch(a -> a.source() != AnnotationSource.MACHINE);
    }

    private Map<Long, ConsolidatedLabel> singleClass(LabelJob job, List<LabelItem> items, Map<Long, List<Annotation>> byItem) {
        Map<String, Integer> annotatorIndex = new HashMap<>();
        List<ClassVote> votes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (Annotation a : byItem.getOrDefault(items.get(i).id(), List.of())) {
                int annotator = annotatorIndex.computeIfAbsent(a.annotator(), k -> annotatorIndex.size());
                votes.add(new ClassVote(i, annotator, ((LabelValue.Classes) a.value()).classes().getFirst()));
            }
        }
        Map<Long, ConsolidatedLabel> out = new HashMap<>();
        if (votes.isEmpty()) {
            return out;
        }
        DawidSkene.Result fit = new DawidSkene().fit(items.size(), annotatorIndex.size(), job.spec().classes().size(), votes);
        for (DawidSkene.ConsolidatedClass c : fit.labels()) {
            LabelItem item = items.get(c.item());
            List<Annotation> list = byItem.get(item.id());
            out.put(item.id(), new ConsolidatedLabel(item, new LabelValue.Classes(List.of(c.label())), c.confidence(),
                    list.size(), human(list)));
        }
        return out;
    }

    private static Map<Long, ConsolidatedLabel> multiClass(LabelJob job, List<LabelItem> items, Map<Long, List<Annotation>> byItem) {
        Map<Long, ConsolidatedLabel> out = new HashMap<>();
        int classes = job.spec().classes().size();
        for (LabelItem item : items) {
            List<Annotation> list = byItem.get(item.id());
            if (list == null) {
                continue;
            }
            int[] count = new int[classes];
            list.forEach(a -> ((LabelValue.Classes) a.value()).classes().forEach(k -> count[k]++));
            List<Integer> kept = new ArrayList<>();
            double agreement = 0;
            for (int k = 0; k < classes; k++) {
                if (count[k] * 2 >= list.size()) {
                    kept.add(k);
                    agreement += (double) count[k] / list.size();
                }
            }
            if (!kept.isEmpty()) {
                out.put(item.id(), new ConsolidatedLabel(item, new LabelValue.Classes(kept), agreement / kept.size(),
                        list.size(), human(list)));
            }
        }
        return out;
    }

    private Map<Long, ConsolidatedLabel> regions(LabelJob job, List<LabelItem> items, Map<Long, List<Annotation>> byItem) {
        Map<Long, ConsolidatedLabel> out = new HashMap<>();
        for (LabelItem item : items) {
            List<Annotation> list = byItem.get(item.id());
            if (list == null) {
                continue;
            }
            Map<String, Integer> annotatorIndex = new HashMap<>();
            list.forEach(a -> annotatorIndex.computeIfAbsent(a.annotator(), k -> annotatorIndex.size()));
            int n = annotatorIndex.size();
            RegionConsolidation rc = new RegionConsolidation(overlapThreshold, Math.max(1, (n + 1) / 2));
            if (job.spec().type() == LabelTaskType.BOUNDING_BOX) {
                List<RegionConsolidation.Drawn<Box>> drawn = new ArrayList<>();
                int width = 0;
                int height = 0;
                for (Annotation a : list) {
                    LabelValue.Boxes b = (LabelValue.Boxes) a.value();
                    width = b.imageWidth();
                    height = b.imageHeight();
                    b.boxes().forEach(x -> drawn.add(new RegionConsolidation.Drawn<>(annotatorIndex.get(a.annotator()), x)));
                }
                List<Consolidated<Box>> boxes = rc.boxes(drawn, n);
                out.put(item.id(), new ConsolidatedLabel(item,
                        new LabelValue.Boxes(boxes.stream().map(Consolidated::value).toList(), width, height),
                        boxes.stream().mapToDouble(Consolidated::confidence).average().orElse(1.0), list.size(), human(list)));
            } else {
                List<RegionConsolidation.Drawn<Span>> drawn = new ArrayList<>();
                for (Annotation a : list) {
                    ((LabelValue.Spans) a.value()).spans()
                            .forEach(x -> drawn.add(new RegionConsolidation.Drawn<>(annotatorIndex.get(a.annotator()), x)));
                }
                List<Consolidated<Span>> spans = rc.spans(drawn, n);
                List<Span> sorted = new ArrayList<>(spans.stream().map(Consolidated::value).toList());
                sorted.sort(java.util.Comparator.comparingInt(Span::start));
                out.put(item.id(), new ConsolidatedLabel(item, new LabelValue.Spans(sorted),
                        spans.stream().mapToDouble(Consolidated::confidence).average().orElse(1.0), list.size(), human(list)));
            }
        }
        return out;
    }
}
