package dev.osprey.core.label;

import dev.osprey.core.json.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** COCO object detection JSON: images, annotations with {@code bbox = [x, y, width, height]}, categories. */
final class CocoFormat implements LabelFormat.Codec {
    @Override
    public LabelSet read(Path file) throws LabelException {
        Object parsed;
        try {
            parsed = Json.parse(FormatSupport.readText(file));
        } catch (RuntimeException e) {
            throw new LabelException(file.getFileName() + " is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("images") instanceof List<?> images)
                || !(root.get("annotations") instanceof List<?> annotations)
                || !(root.get("categories") instanceof List<?> categories)) {
            throw new LabelException(file.getFileName() + " is not COCO: it needs \"images\", \"annotations\" and \"categories\" lists");
        }
        Map<Long, Integer> classOfCategory = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Object o : categories) {
            Map<?, ?> c = (Map<?, ?>) o;
            classOfCategory.put((long) FormatSupport.number(c.get("id"), "category id"), names.size());
            names.add(String.valueOf(c.get("name")));
        }
        Map<Long, Map<?, ?>> imageById = new LinkedHashMap<>();
        Map<Long, List<Box>> boxes = new LinkedHashMap<>();
        for (Object o : images) {
            Map<?, ?> img = (Map<?, ?>) o;
            long id = (long) FormatSupport.number(img.get("id"), "image id");
            imageById.put(id, img);
            boxes.put(id, new ArrayList<>());
        }
        int n = 0;
        for (Object o : annotations) {
            n++;
            Map<?, ?> a = (Map<?, ?>) o;
            String where = "annotation " + n;
            long image = (long) FormatSupport.number(a.get("image_id"), where + " image_id");
            if (!boxes.containsKey(image)) {
                throw new LabelException(where + ": image_id " + image + " is not in \"images\"");
            }
            Integer k = classOfCategory.get((long) FormatSupport.number(a.get("category_id"), where + " category_id"));
            if (k == null) {
                throw new LabelException(where + ": category_id " + a.get("category_id") + " is not in \"categories\"");
            }
            if (!(a.get("bbox") instanceof List<?> bb) || bb.size() != 4) {
                throw new LabelException(where + ": bbox must be [x, y, width, height]");
            }
            try {
                boxes.get(image).add(new Box(FormatSupport.number(bb.get(0), where), FormatSupport.number(bb.get(1), where),
                        FormatSupport.number(bb.get(2), where), FormatSupport.number(bb.get(3), where), k));
            } catch (IllegalArgumentException e) {
                throw new LabelException(where + ": " + e.getMessage());
            }
        }
        List<LabelRecord> records = new ArrayList<>();
        for (var e : imageById.entrySet()) {
            Map<?, ?> img = e.getValue();
            records.add(new LabelRecord(String.valueOf(img.get("file_name")), new LabelValue.Boxes(boxes.get(e.getKey()),
                    (int) FormatSupport.number(img.get("width"), "image " + e.getKey() + " width"),
                    (int) FormatSupport.number(img.get("height"), "image " + e.getKey() + " height")), 1.0, true));
        }
        return new LabelSet(LabelTaskType.BOUNDING_BOX, names, records);
    }

    @Override
    public void write(LabelSet set, String jobName, Path out) throws LabelException {
        if (set.type() != LabelTaskType.BOUNDING_BOX) {
            throw new LabelException("COCO holds bounding boxes; job '" + jobName + "' is " + set.type());
        }
        FormatSupport.writeFile(out, w -> {
            w.write("{\"info\":" + Json.write(Map.of("description", "Osprey labeling job " + jobName)) + ",\n\"images\":[");
            int id = 0;
            for (LabelRecord r : set.records()) {
                LabelValue.Boxes b = (LabelValue.Boxes) r.value();
                Map<String, Object> img = new LinkedHashMap<>();
                img.put("id", ++id);
                img.put("file_name", r.source());
                img.put("width", b.imageWidth());
                img.put("height", b.imageHeight());
                w.write((id > 1 ? ",\n" : "\n") + Json.write(img));
            }
            w.write("],\n\"annotations\":[");
            int image = 0;
            int ann = 0;
            for (LabelRecord r : set.records()) {
                image++;
                for (Box x : ((LabelValue.Boxes) r.value()).boxes()) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("id", ++ann);
                    a.put("image_id", image);
                    a.put("category_id", x.label() + 1);
                    a.put("bbox", List.of(x.left(), x.top(), x.width(), x.height()));
                    a.put("area", x.area());
                    a.put("iscrowd", 0);
                    a.put("score", r.confidence());
                    w.write((ann > 1 ? ",\n" : "\n") + Json.write(a));
                }
            }
            w.write("],\n\"categories\":[");
            for (int k = 0; k < set.classNames().size(); k++) {
                w.write((k > 0 ? ",\n" : "\n") + Json.write(Map.of("id", k + 1, "name", set.classNames().get(k))));
            }
            w.write("]}\n");
        });
    }
}
