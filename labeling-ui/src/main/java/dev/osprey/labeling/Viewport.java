package dev.osprey.labeling;

import javafx.geometry.Point2D;

/**
 * How {@link ImageLabelPane} maps original-image pixels onto the pane: a zoom, then a pan in pane
 * pixels. Boxes stay in image pixels whatever the user does with the view, so only this changes
 * when they zoom or pan.
 */
final class Viewport {
    private static final double MIN_ZOOM = 0.02;
    private static final double MAX_ZOOM = 40;

    private double zoom = 1;
    private double panX;
    private double panY;

    double zoom() {
        return zoom;
    }

    double panX() {
        return panX;
    }

    double panY() {
        return panY;
    }

    /** No image (or no room): one image pixel per pane pixel, at the corner. */
    void reset() {
        zoom = 1;
        panX = 0;
        panY = 0;
    }

    /** The whole image centred in a {@code width} x {@code height} pane, with a small margin. */
    void fit(double width, double height, int imageWidth, int imageHeight) {
        zoom = Math.min(width / imageWidth, height / imageHeight) * 0.98;
        panX = (width - imageWidth * zoom) / 2;
        panY = (height - imageHeight * zoom) / 2;
    }

    /** Zooms by {@code factor} keeping the image point under pane point ({@code x}, {@code y}) where it is. */
    void zoomAt(double factor, double x, double y) {
        double z = Math.clamp(zoom * factor, MIN_ZOOM, MAX_ZOOM);
        panX = x - (x - panX) * z / zoom;
        panY = y - (y - panY) * z / zoom;
        zoom = z;
    }

    void panTo(double x, double y) {
        panX = x;
        panY = y;
    }

    /** Pane point to image pixels. */
    Point2D toImage(double x, double y) {
        return new Point2D((x - panX) / zoom, (y - panY) / zoom);
    }

    /** Image pixels to pane point. */
    Point2D toScreen(double ix, double iy) {
        return new Point2D(ix * zoom + panX, iy * zoom + panY);
    }
}
