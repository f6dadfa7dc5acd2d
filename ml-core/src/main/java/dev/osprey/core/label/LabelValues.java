package dev.osprey.core.label;

import dev.osprey.core.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link LabelValue} to and from the JSON kept in the catalog, and checks against a job's spec. */
public final class LabelValues {
    private LabelValues() {
    }

    public static String toJson(LabelValue value) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (value) {
            case LabelValue.Classes c -> {
                m.put("kind", "classes");
                m.put("classes", c.classes());
            }
            case LabelValue.Boxes b -> {
                m.put("kind", "boxes");
                m.put("width", b.imageWidth());
                m.put("height", b.imageHeight());
                List<Object> boxes = new ArrayList<>();
                for (Box x : b.boxes()) {
                    boxes.add(List.of(x.label(), x.left(), x.top(), x.width(), x.height()));
                }
                m.put("boxes", boxes);
            }
            case LabelValue.Spans s -> {
                m.put("kind", "spans");
                List<Object> spans = new ArrayList<>();
                for (Span x : s.spans()) {
                    spans.add(List.of(x.label(), x.start(), x.end()));
                }
                m.put("spans", spans);
            }
        }
        return Json.write(m);
    }

    public static LabelValue fromJson(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("a label value is a JSON object");
        }
        return switch (String.valueOf(m.get("kind"))) {
            case "classes" -> new LabelValue.Classes(((List<?>) m.get("classes")).stream()
                    .map(o -> ((Number) o).intValue()).toList());
            case "boxes" -> {
                List<Box> boxes = new ArrayList<>();
                for (Object o : (List<?>) m.get("boxes")) {
                    List<?> b = (List<?>) o;
                    boxes.add(new Box(num(b.get(1)), num(b.get(2)), num(b.get(3)), num(b.get(4)),
                            ((Number) b.get(0)).intValue()));
                }
                yield new LabelValue.Boxes(boxes, ((Number) m.get("width")).intValue(), ((Number) m.get("height")).intValue());
            }
            case "spans" -> {
                List<Span> spans = new ArrayList<>();
                for (Object o : (List<?>) m.get("spans")) {
                    List<?> s = (List<?>) o;
                    spans.add(new Span(((Number) s.get(1)).intValue(), ((Number) s.get(2)).intValue(),
                            ((Number) s.get(0)).intValue()));
                }
                yield new LabelValue.Spans(spans);
            }
            default -> throw new IllegalArgumentException("unknown label value kind " + m.get("kind"));
        };
    }

    /** Refuses an answer that does not fit the job: wrong kind, unknown class, several where one is asked. */
    public static void check(LabelJobSpec spec, LabelValue value) {
        int classes = spec.classes().size();
        String job = "job '" + spec.name() + "': ";
        switch (spec.type()) {
            case IMAGE_CLASSIFICATION, TEXT_CLASSIFICATION, IMAGE_MULTI_LABEL, TEXT_MULTI_LABEL -> {
                if (!(value instanceof LabelValue.Classes c)) {
                    throw new IllegalArgumentException(job + "a " + spec.type() + " answer is a class, not " + kind(value));
                }
                if (c.classes().isEmpty()) {
                    throw new IllegalArgumentException(job + "choose a class");
                }
                if (!spec.type().allowsSeveral() && c.classes().size() > 1) {
                    throw new IllegalArgumentException(job + "choose one class, not " + c.classes().size());
                }
                c.classes().forEach(k -> inRange(job, k, classes));
                if (c.classes().stream().distinct().count() != c.classes().size()) {
                    throw new IllegalArgumentException(job + "a class is chosen twice");
                }
            }
            case BOUNDING_BOX -> {
                if (!(value instanceof LabelValue.Boxes b)) {
                    throw new IllegalArgumentException(job + "a bounding-box answer is boxes, not " + kind(value));
                }
                if (b.imageWidth() <= 0 || b.imageHeight() <= 0) {
                    throw new IllegalArgumentException(job + "boxes need the image size");
                }
                b.boxes().forEach(x -> inRange(job, x.label(), classes));
            }
            case NAMED_ENTITY -> {
                if (!(value instanceof LabelValue.Spans s)) {
                    throw new IllegalArgumentException(job + "an entity answer is spans, not " + kind(value));
                }
                s.spans().forEach(x -> inRange(job, x.label(), classes));
            }
        }
    }

    private static void inRange(String job, int k, int classes) {
        if (k < 0 || k >= classes) {
            throw new IllegalArgumentException(job + "class index " + k + " is outside the job's " + classes + " classes");
        }
    }

    private static String kind(LabelValue v) {
        return switch (v) {
            case LabelValue.Classes c -> "classes";
            case LabelValue.Boxes b -> "boxes";
            case LabelValue.Spans s -> "spans";
        };
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
