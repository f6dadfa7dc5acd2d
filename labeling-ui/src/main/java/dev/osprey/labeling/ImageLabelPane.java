package dev.osprey.labeling;

import dev.osprey.core.label.Box;
import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelValue;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An image with its boxes, drawn on a canvas. Boxes live in original-image pixels; the view maps
 * them through a zoom and pan. Drag on empty space draws a box of the current class; drag inside
 * a box moves it; drag a corner handle resizes it; with extreme-point mode on, four clicks (the
 * object's top, bottom, left and right-most points) make a box. Wheel zooms at the pointer,
 * right- or middle-drag pans. Edits are reported through {@code onEdit} as whole new values.
 * The mapping to the screen is a {@link Viewport}; the painting is {@link BoxPainter}'s.
 */
public final class ImageLabelPane extends Region {
    private static final double MIN_BOX = 3;

    private final Canvas canvas = new Canvas();
    private final Consumer<LabelValue.Boxes> onEdit;
    private final Viewport view = new Viewport();
    private final BoxPainter painter;

    private DecodedImage image;
    private List<Box> boxes = new ArrayList<>();
    private int imageWidth;
    private int imageHeight;
    private int selected = -1;
    private int currentClass;
    private boolean extremeMode;
    private boolean drawing = true;
    private final List<Point2D> extremePoints = new ArrayList<>();

    private enum Drag { NONE, DRAW, MOVE, RESIZE, PAN }

    private Drag drag = Drag.NONE;
    private Point2D dragStart;
    private Point2D dragNow;
    private Box dragOriginal;
    private int resizeCorner;
    private double panStartX;
    private double panStartY;

    public ImageLabelPane(List<LabelClass> classes, Consumer<LabelValue.Boxes> onEdit) {
        this.onEdit = onEdit;
        this.painter = new BoxPainter(List.copyOf(classes), view);
        getChildren().add(canvas);
        getStyleClass().add("image-label-pane");
        setFocusTraversable(true);
        setMinSize(200, 150);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnScroll(this::scrolled);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Shows an image with boxes (null image: blank); fits it to the pane. */
    public void show(DecodedImage decoded, LabelValue.Boxes value) {
        this.image = decoded;
        this.imageWidth = decoded == null ? 0 : decoded.originalWidth();
        this.imageHeight = decoded == null ? 0 : decoded.originalHeight();
        this.boxes = value == null ? new ArrayList<>() : new ArrayList<>(value.boxes());
        this.selected = -1;
        this.extremePoints.clear();
        fit();
    }

    /** Replaces the boxes (after undo/redo) keeping zoom and pan. */
    public void setBoxes(List<Box> newBoxes) {
        this.boxes = new ArrayList<>(newBoxes);
        if (selected >= boxes.size()) {
            selected = -1;
        }
        redraw();
    }

    public List<Box> boxes() {
        return List.copyOf(boxes);
    }

    public int selectedIndex() {
        return selected;
    }

    public int currentClass() {
        return currentClass;
    }

    /** Number key: new boxes get this class, and a selected box changes to it. */
    public void chooseClass(int k) {
        currentClass = k;
        if (selected >= 0) {
            Box b = boxes.get(selected);
            replace(selected, new Box(b.left(), b.top(), b.width(), b.height(), k));
        } else {
            redraw();
        }
    }

    public void deleteSelected() {
        if (selected >= 0) {
            boxes.remove(selected);
            selected = -1;
            emit();
        }
    }

    /** Tab cycles the selection through the boxes. */
    public void selectNext() {
        selected = boxes.isEmpty() ? -1 : (selected + 1) % boxes.size();
        redraw();
    }

    public void clearSelection() {
        selected = -1;
        extremePoints.clear();
        redraw();
    }

    public void setExtremeMode(boolean on) {
        extremeMode = on;
        extremePoints.clear();
        redraw();
    }

    /** Off for image classification: the image is only looked at (zoom and pan still work). */
    public void setDrawingEnabled(boolean on) {
        drawing = on;
    }

    public boolean extremeMode() {
        return extremeMode;
    }

    public void fit() {
        if (image == null || getWidth() <= 0 || getHeight() <= 0) {
            view.reset();
        } else {
            view.fit(getWidth(), getHeight(), imageWidth, imageHeight);
        }
        redraw();
    }

    public void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        view.zoomAt(factor, x, y);
        redraw();
    }

    /** Screen point to image pixels. */
    public Point2D toImage(double x, double y) {
        return view.toImage(x, y);
    }

    /** Image pixels to pane coordinates (for tests and overlays). */
    public Point2D toScreen(double ix, double iy) {
        return view.toScreen(ix, iy);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (image == null) {
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE) {
            drag = Drag.PAN;
            dragStart = new Point2D(e.getX(), e.getY());
            panStartX = view.panX();
            panStartY = view.panY();
            return;
        }
        if (!drawing) {
            return;
        }
        Point2D p = clampToImage(toImage(e.getX(), e.getY()));
        if (extremeMode) {
            extremePoints.add(p);
            if (extremePoints.size() == 4) {
                double l = extremePoints.stream().mapToDouble(Point2D::getX).min().orElseThrow();
                double r = extremePoints.stream().mapToDouble(Point2D::getX).max().orElseThrow();
                double t = extremePoints.stream().mapToDouble(Point2D::getY).min().orElseThrow();
                double b = extremePoints.stream().mapToDouble(Point2D::getY).max().orElseThrow();
                extremePoints.clear();
                if (r - l >= MIN_BOX && b - t >= MIN_BOX) {
                    boxes.add(new Box(l, t, r - l, b - t, currentClass));
                    selected = boxes.size() - 1;
                    emit();
                    return;
                }
            }
            redraw();
            return;
        }
        if (selected >= 0) {
            int corner = cornerAt(boxes.get(selected), e.getX(), e.getY());
            if (corner >= 0) {
                drag = Drag.RESIZE;
                resizeCorner = corner;
                dragOriginal = boxes.get(selected);
                dragStart = p;
                return;
            }
        }
        int hit = boxAt(p);
        if (hit >= 0) {
            selected = hit;
            drag = Drag.MOVE;
            dragOriginal = boxes.get(hit);
            dragStart = p;
            redraw();
            return;
        }
        selected = -1;
        drag = Drag.DRAW;
        dragStart = p;
        dragNow = p;
        redraw();
    }

    private void dragged(MouseEvent e) {
        if (drag == Drag.PAN) {
            view.panTo(panStartX + e.getX() - dragStart.getX(), panStartY + e.getY() - dragStart.getY());
            redraw();
            return;
        }
        if (drag == Drag.NONE) {
            return;
        }
        Point2D p = clampToImage(toImage(e.getX(), e.getY()));
        switch (drag) {
            case DRAW -> dragNow = p;
            case MOVE -> {
                double dx = p.getX() - dragStart.getX();
                double dy = p.getY() - dragStart.getY();
                double l = Math.clamp(dragOriginal.left() + dx, 0, imageWidth - dragOriginal.width());
                double t = Math.clamp(dragOriginal.top() + dy, 0, imageHeight - dragOriginal.height());
                boxes.set(selected, new Box(l, t, dragOriginal.width(), dragOriginal.height(), dragOriginal.label()));
            }
            case RESIZE -> {
                double l = dragOriginal.left();
                double t = dragOriginal.top();
                double r = dragOriginal.right();
                double b = dragOriginal.bottom();
                if (resizeCorner == 0 || resizeCorner == 3) {
                    l = p.getX();
                } else {
                    r = p.getX();
                }
                if (resizeCorner == 0 || resizeCorner == 1) {
                    t = p.getY();
                } else {
                    b = p.getY();
                }
                double nl = Math.min(l, r);
                double nt = Math.min(t, b);
                double w = Math.max(MIN_BOX, Math.abs(r - l));
                double h = Math.max(MIN_BOX, Math.abs(b - t));
                boxes.set(selected, new Box(nl, nt, w, h, dragOriginal.label()));
            }
            default -> {
            }
        }
        redraw();
    }

    private void released(MouseEvent e) {
        Drag was = drag;
        drag = Drag.NONE;
        switch (was) {
            case DRAW -> {
                Point2D a = dragStart;
                Point2D b = dragNow == null ? a : dragNow;
                double w = Math.abs(b.getX() - a.getX());
                double h = Math.abs(b.getY() - a.getY());
                dragNow = null;
                if (w >= MIN_BOX && h >= MIN_BOX) {
                    boxes.add(new Box(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()), w, h, currentClass));
                    selected = boxes.size() - 1;
                    emit();
                } else {
                    redraw();
                }
            }
            case MOVE, RESIZE -> {
                if (!boxes.get(selected).equals(dragOriginal)) {
                    emit();
                }
            }
            default -> {
            }
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        }
        e.consume();
    }

    private Point2D clampToImage(Point2D p) {
        return new Point2D(Math.clamp(p.getX(), 0, imageWidth), Math.clamp(p.getY(), 0, imageHeight));
    }

    /** The topmost box containing {@code p} (the last drawn wins, as it is drawn on top). */
    private int boxAt(Point2D p) {
        for (int i = boxes.size() - 1; i >= 0; i--) {
            Box b = boxes.get(i);
            if (p.getX() >= b.left() && p.getX() <= b.right() && p.getY() >= b.top() && p.getY() <= b.bottom()) {
                return i;
            }
        }
        return -1;
    }

    /** 0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left, or -1. */
    private int cornerAt(Box b, double sx, double sy) {
        Point2D[] corners = {toScreen(b.left(), b.top()), toScreen(b.right(), b.top()),
                toScreen(b.right(), b.bottom()), toScreen(b.left(), b.bottom())};
        for (int i = 0; i < 4; i++) {
            if (Math.abs(corners[i].getX() - sx) <= BoxPainter.HANDLE + 2 && Math.abs(corners[i].getY() - sy) <= BoxPainter.HANDLE + 2) {
                return i;
            }
        }
        return -1;
    }

    private void replace(int i, Box b) {
        boxes.set(i, b);
        emit();
    }

    private void emit() {
        redraw();
        onEdit.accept(new LabelValue.Boxes(List.copyOf(boxes), imageWidth, imageHeight));
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        painter.background(g, canvas.getWidth(), canvas.getHeight());
        if (image == null) {
            return;
        }
        painter.image(g, image.image(), imageWidth, imageHeight);
        painter.boxes(g, boxes, selected);
        if (drag == Drag.DRAW && dragNow != null) {
            painter.draft(g, dragStart, dragNow, currentClass);
        }
        painter.extremePoints(g, extremePoints);
    }
}
