package dev.osprey.core.label;

import java.util.List;

/** An answer for one item: classes, boxes on an image of a known size, or entity spans. */
public sealed interface LabelValue {
    /** One class (single-label) or several (multi-label), as indexes into the job's classes. */
    record Classes(List<Integer> classes) implements LabelValue {
        public Classes {
            classes = List.copyOf(classes);
        }
    }

    /** Boxes in image pixels; the image size is kept so manifests can state it. */
    record Boxes(List<Box> boxes, int imageWidth, int imageHeight) implements LabelValue {
        public Boxes {
            boxes = List.copyOf(boxes);
        }
    }

    /** Entity spans over the item's text. */
    record Spans(List<Span> spans) implements LabelValue {
        public Spans {
            spans = List.copyOf(spans);
        }
    }
}
