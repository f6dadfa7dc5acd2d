package dev.osprey.core.label;

import dev.osprey.core.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cloud labeling service's output manifest: one JSON object per line with {@code source-ref}
 * (images) or {@code source} (text), the label attribute named after the job, and
 * {@code <attribute>-metadata} with class names, confidence, {@code human-annotated}, the job
 * name, the creation date and the task type. Boxes carry the image size and
 * left/top/width/height; entities carry character offsets.
 */
final class GroundTruthManifest implements LabelFormat.Codec {
    @Override
    public LabelSet read(Path file) throws LabelException {
        LabelTaskType type = null;
        TreeMap<Integer, String> classes = new TreeMap<>();
        List<String> entityNames = new ArrayList<>();
        List<LabelRecord> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + " line " + n;
                Map<?, ?> obj;
                try {
                    obj = Json.parse(line) instanceof Map<?, ?> m ? m : null;
                } catch (RuntimeException e) {
                    throw new LabelException(where + ": not JSON (" + e.getMessage() + ")");
                }
                if (obj == null) {
                    throw new LabelException(where + ": a manifest line is a JSON object");
                }
                Object source = obj.containsKey("source-ref") ? obj.get("source-ref") : obj.get("source");
                if (!(source instanceof String s)) {
                    throw new LabelException(where + ": no \"source-ref\" or \"source\"");
                }
                String attribute = null;
                for (Object k : obj.keySet()) {
                    if (obj.containsKey(k + "-metadata")) {
                        attribute = (String) k;
                    }
                }
                if (attribute == null) {
                    throw new LabelException(where + ": no label attribute (a key with a matching \"-metadata\" key)");
                }
                Map<?, ?> meta = obj.get(attribute + "-metadata") instanceof Map<?, ?> m ? m : Map.of();
                LabelTaskType lineType = typeOf(meta, obj.get(attribute), obj.containsKey("source-ref"));
                if (type != null && type != lineType) {
                    throw new LabelException(where + ": a " + lineType + " label in a " + type + " manifest");
                }
                type = lineType;
                boolean human = !"no".equals(meta.get("human-annotated"));
                records.add(parse(where, s, type, obj.get(attribute), meta, classes, entityNames, human));
            }
        } catch (IOException e) {
            throw new LabelException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (type == null) {
            throw new LabelException(file.getFileName() + " holds no labelled items");
        }
        List<String> names = type == LabelTaskType.NAMED_ENTITY ? entityNames : denseNames(classes, file);
        return new LabelSet(type, names, records);
    }

    private static List<String> denseNames(TreeMap<Integer, String> classes, Path file) throws LabelException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= (classes.isEmpty() ? -1 : classes.lastKey()); i++) {
            names.add(classes.getOrDefault(i, "class-" + i));
        }
        return names;
    }

    private static LabelTaskType typeOf(Map<?, ?> meta, Object value, boolean image) {
        String t = String.valueOf(meta.get("type"));
        if (t.contains("object-detection") || t.contains("bounding-box")) {
            return LabelTaskType.BOUNDING_BOX;
        }
        if (t.contains("named-entity")) {
            return LabelTaskType.NAMED_ENTITY;
        }
        boolean multi = t.contains("multilabel") || value instanceof List<?>;
        if (value instanceof Map<?, ?> m) {
            return m.containsKey("image_size") || m.containsKey("annotations") && image
                    ? LabelTaskType.BOUNDING_BOX : LabelTaskType.NAMED_ENTITY;
        }
        if (image) {
            return multi ? LabelTaskType.IMAGE_MULTI_LABEL : LabelTaskType.IMAGE_CLASSIFICATION;
        }
        return multi ? LabelTaskType.TEXT_MULTI_LABEL : LabelTaskType.TEXT_CLASSIFICATION;
    }

    private static LabelRecord parse(String where, String source, LabelTaskType type, Object value, Map<?, ?> meta,
                                     TreeMap<Integer, String> classes, List<String> entityNames, boolean human)
            throws LabelException {
        Map<?, ?> classMap = meta.get("class-map") instanceof Map<?, ?> m ? m : Map.of();
        for (var e : classMap.entrySet()) {
            try {
                classes.put(Integer.parseInt(String.valueOf(e.getKey())), String.valueOf(e.getValue()));
            } catch (NumberFormatException ex) {
                throw new LabelException(where + ": class-map key '" + e.getKey() + "' is not a class number");
            }
        }
        double confidence = meta.get("confidence") instanceof Number c ? c.doubleValue() : 1.0;
        switch (type) {
            case IMAGE_CLASSIFICATION, TEXT_CLASSIFICATION -> {
                int k = (int) FormatSupport.number(value, where + " label");
                if (meta.get("class-name") instanceof String name) {
                    classes.put(k, name);
                }
                return new LabelRecord(source, new LabelValue.Classes(List.of(k)), confidence, human);
            }
            case IMAGE_MULTI_LABEL, TEXT_MULTI_LABEL -> {
                List<Integer> ks = new ArrayList<>();
                for (Object o : (List<?>) value) {
                    ks.add((int) FormatSupport.number(o, where + " label"));
                }
                if (meta.get("confidence-map") instanceof Map<?, ?> cm && !cm.isEmpty()) {
                    double sum = 0;
                    for (Object c : cm.values()) {
                        sum += FormatSupport.number(c, where + " confidence-map");
                    }
                    confidence = sum / cm.size();
                }
                return new LabelRecord(source, new LabelValue.Classes(ks), confidence, human);
            }
            case BOUNDING_BOX -> {
                if (!(value instanceof Map<?, ?> m) || !(m.get("image_size") instanceof List<?> sizes) || sizes.isEmpty()
                        || !(m.get("annotations") instanceof List<?> anns)) {
                    throw new LabelException(where + ": a box label needs \"image_size\" and \"annotations\"");
                }
                Map<?, ?> size = (Map<?, ?>) sizes.getFirst();
                List<Box> boxes = new ArrayList<>();
                for (Object o : anns) {
                    Map<?, ?> a = (Map<?, ?>) o;
                    try {
                        boxes.add(new Box(FormatSupport.number(a.get("left"), where + " left"),
                                FormatSupport.number(a.get("top"), where + " top"),
                                FormatSupport.number(a.get("width"), where + " width"),
                                FormatSupport.number(a.get("height"), where + " height"),
                                (int) FormatSupport.number(a.get("class_id"), where + " class_id")));
                    } catch (IllegalArgumentException e) {
                        throw new LabelException(where + ": " + e.getMessage());
                    }
                }
                if (meta.get("objects") instanceof List<?> objs && !objs.isEmpty()) {
                    double sum = 0;
                    for (Object ob : objs) {
                        sum += ob instanceof Map<?, ?> om && om.get("confidence") instanceof Number c ? c.doubleValue() : 1.0;
                    }
                    confidence = sum / objs.size();
                }
                return new LabelRecord(source, new LabelValue.Boxes(boxes,
                        (int) FormatSupport.number(size.get("width"), where + " image width"),
                        (int) FormatSupport.number(size.get("height"), where + " image height")), confidence, human);
            }
            case NAMED_ENTITY -> {
                Map<?, ?> anns = value instanceof Map<?, ?> m && m.get("annotations") instanceof Map<?, ?> a ? a : null;
                if (anns == null || !(anns.get("entities") instanceof List<?> entities)) {
                    throw new LabelException(where + ": an entity label needs \"annotations\": {\"entities\": [...]}");
                }
                if (anns.get("labels") instanceof List<?> labels) {
                    for (Object l : labels) {
                        String name = String.valueOf(((Map<?, ?>) l).get("label"));
                        if (!entityNames.contains(name)) {
                            entityNames.add(name);
                        }
                    }
                }
                List<Span> spans = new ArrayList<>();
                for (Object o : entities) {
                    Map<?, ?> e = (Map<?, ?>) o;
                    String name = String.valueOf(e.get("label"));
                    if (!entityNames.contains(name)) {
                        entityNames.add(name);
                    }
                    try {
                        spans.add(new Span((int) FormatSupport.number(e.get("startOffset"), where + " startOffset"),
                                (int) FormatSupport.number(e.get("endOffset"), where + " endOffset"), entityNames.indexOf(name)));
                    } catch (IllegalArgumentException ex) {
                        throw new LabelException(where + ": " + ex.getMessage());
                    }
                }
                return new LabelRecord(source, new LabelValue.Spans(spans), confidence, human);
            }
        }
        throw new IllegalStateException(type.name());
    }

    @Override
    public void write(LabelSet set, String jobName, Path out) throws LabelException {
        String created = Instant.now().toString();
        FormatSupport.writeFile(out, w -> {
            for (LabelRecord r : set.records()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put(set.type().textItems() ? "source" : "source-ref", r.source());
                Map<String, Object> meta = new LinkedHashMap<>();
                line.put(jobName, value(set, r, meta));
                meta.put("type", typeName(set.type()));
                meta.put("job-name", "labeling-job/" + jobName);
                meta.put("human-annotated", r.humanAnnotated() ? "yes" : "no");
                meta.put("creation-date", created);
                line.put(jobName + "-metadata", meta);
                w.write(Json.write(line));
                w.write('\n');
            }
        });
    }

    private static Object value(LabelSet set, LabelRecord r, Map<String, Object> meta) {
        List<String> names = set.classNames();
        double conf = round(r.confidence());
        return switch (r.value()) {
            case LabelValue.Classes c when !set.type().allowsSeveral() -> {
                meta.put("class-name", names.get(c.classes().getFirst()));
                meta.put("class-map", classMap(names));
                meta.put("confidence", conf);
                yield c.classes().getFirst();
            }
            case LabelValue.Classes c -> {
                Map<String, Object> conf2 = new LinkedHashMap<>();
                c.classes().forEach(k -> conf2.put(String.valueOf(k), conf));
                meta.put("class-map", classMap(names));
                meta.put("confidence-map", conf2);
                yield c.classes();
            }
            case LabelValue.Boxes b -> {
                List<Object> anns = new ArrayList<>();
                List<Object> objects = new ArrayList<>();
                for (Box x : b.boxes()) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("class_id", x.label());
                    a.put("left", round(x.left()));
                    a.put("top", round(x.top()));
                    a.put("width", round(x.width()));
                    a.put("height", round(x.height()));
                    anns.add(a);
                    objects.add(Map.of("confidence", conf));
                }
                meta.put("objects", objects);
                meta.put("class-map", classMap(names));
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("image_size", List.of(Map.of("width", b.imageWidth(), "height", b.imageHeight(), "depth", 3)));
                v.put("annotations", anns);
                yield v;
            }
            case LabelValue.Spans s -> {
                List<Object> entities = new ArrayList<>();
                for (Span x : s.spans()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("label", names.get(x.label()));
                    e.put("startOffset", x.start());
                    e.put("endOffset", x.end());
                    entities.add(e);
                }
                meta.put("entities", List.of(Map.of("confidence", conf)));
                yield Map.of("annotations", Map.of("entities", entities,
                        "labels", names.stream().map(n -> Map.of("label", n)).toList()));
            }
        };
    }

    /** Every class, not only those used, so reading the manifest back keeps the job's class list. */
    private static Map<String, Object> classMap(List<String> names) {
        Map<String, Object> cm = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            cm.put(String.valueOf(i), names.get(i));
        }
        return cm;
    }

    private static String typeName(LabelTaskType t) {
        return switch (t) {
            case IMAGE_CLASSIFICATION -> "groundtruth/image-classification";
            case IMAGE_MULTI_LABEL -> "groundtruth/image-classification-multilabel";
            case BOUNDING_BOX -> "groundtruth/object-detection";
            case TEXT_CLASSIFICATION -> "groundtruth/text-classification";
            case TEXT_MULTI_LABEL -> "groundtruth/text-classification-multilabel";
            case NAMED_ENTITY -> "groundtruth/named-entity-recognition";
        };
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
