package dev.osprey.labeling;

import dev.osprey.core.label.Box;
import dev.osprey.core.label.LabelClass;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Paints {@link ImageLabelPane}'s canvas through its {@link Viewport}: the image, each box in its
 * class's colour with the class name on a tab above it (the selected box bolder, with corner
 * handles), the box being drawn (dashed) and the extreme points clicked so far. It only paints:
 * what is on the canvas is decided by the pane.
 */
final class BoxPainter {
    /** Size of a corner handle, in pane pixels; the pane's hit test for resizing uses it too. */
    static final double HANDLE = 6;
    private static final Color BACKDROP = Color.web("#2b2b2b");
    private static final Color POINT = Color.web("#ffcc00");

    private final List<LabelClass> classes;
    /** The classes' colours, parsed once: the canvas is repainted on every drag event. */
    private final List<Color> colors;
    private final Font tabFont = Font.font(12);
    private final Viewport view;

    BoxPainter(List<LabelClass> classes, Viewport view) {
        this.classes = classes;
        this.colors = classes.stream().map(c -> Color.web(c.color())).toList();
        this.view = view;
    }

    /** The dark backdrop over the whole canvas (all there is while no image is shown). */
    void background(GraphicsContext g, double width, double height) {
        g.setFill(BACKDROP);
        g.fillRect(0, 0, width, height);
    }

    /** The image, smoothed only while zoomed out (zoomed in, the user wants to see the pixels). */
    void image(GraphicsContext g, Image image, int imageWidth, int imageHeight) {
        g.setImageSmoothing(view.zoom() < 2);
        g.drawImage(image, view.panX(), view.panY(), imageWidth * view.zoom(), imageHeight * view.zoom());
    }

    /** The boxes in drawing order, so the last drawn is on top (as the pane's hit test assumes). */
    void boxes(GraphicsContext g, List<Box> boxes, int selected) {
        g.setFont(tabFont);
        g.setTextBaseline(VPos.BOTTOM);
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            Color c = colors.get(classIndex(b));
            Point2D tl = view.toScreen(b.left(), b.top());
            double w = b.width() * view.zoom();
            double h = b.height() * view.zoom();
            g.setFill(c.deriveColor(0, 1, 1, i == selected ? 0.25 : 0.12));
            g.fillRect(tl.getX(), tl.getY(), w, h);
            g.setStroke(c);
            g.setLineWidth(i == selected ? 3 : 2);
            g.strokeRect(tl.getX(), tl.getY(), w, h);
            String name = classes.get(classIndex(b)).name();
            g.setFill(c);
            g.fillRect(tl.getX(), tl.getY() - 16, name.length() * 7 + 8, 16);
            g.setFill(Color.WHITE);
            g.fillText(name, tl.getX() + 4, tl.getY() - 2);
            if (i == selected) {
                handles(g, b, tl, c);
            }
        }
    }

    private void handles(GraphicsContext g, Box b, Point2D tl, Color c) {
        g.setFill(Color.WHITE);
        g.setStroke(c);
        g.setLineWidth(1.5);
        for (Point2D p : List.of(tl, view.toScreen(b.right(), b.top()), view.toScreen(b.right(), b.bottom()),
                view.toScreen(b.left(), b.bottom()))) {
            g.fillRect(p.getX() - HANDLE / 2, p.getY() - HANDLE / 2, HANDLE, HANDLE);
            g.strokeRect(p.getX() - HANDLE / 2, p.getY() - HANDLE / 2, HANDLE, HANDLE);
        }
    }

    /** The box being dragged out between two image points, dashed in the colour of the class it will get. */
    void draft(GraphicsContext g, Point2D from, Point2D to, int label) {
        Point2D a = view.toScreen(from.getX(), from.getY());
        Point2D b = view.toScreen(to.getX(), to.getY());
        g.setStroke(colors.get(label));
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        g.strokeRect(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()), Math.abs(b.getX() - a.getX()),
                Math.abs(b.getY() - a.getY()));
        g.setLineDashes();
    }

    /** The extreme points clicked so far (image pixels), as dots. */
    void extremePoints(GraphicsContext g, List<Point2D> points) {
        g.setFill(POINT);
        for (Point2D p : points) {
            Point2D s = view.toScreen(p.getX(), p.getY());
            g.fillOval(s.getX() - 4, s.getY() - 4, 8, 8);
        }
    }

    /** A label beyond the job's classes is painted as the last class rather than failing the paint. */
    private int classIndex(Box b) {
        return Math.min(b.label(), classes.size() - 1);
    }
}
