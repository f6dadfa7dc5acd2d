package dev.osprey.core.label;

/** An axis-aligned box in image pixels (left, top, width, height, as the manifests store it) with a class index. */
public record Box(double left, double top, double width, double height, int label) {
    public Box {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a box needs a positive width and height, got " + width + " x " + height);
        }
    }

    public double right() {
        return left + width;
    }

    public double bottom() {
        return top + height;
    }

    public double area() {
        return width * height;
    }

    /** Intersection over union: 1 for the same box, 0 for boxes that do not touch. */
    public double iou(Box other) {
        double w = Math.min(right(), other.right()) - Math.max(left, other.left);
        double h = Math.min(bottom(), other.bottom()) - Math.max(top, other.top);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (area() + other.area() - inter);
    }
}
