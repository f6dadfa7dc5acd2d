package dev.osprey.labeling;

import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelException;
import dev.osprey.core.label.LabelItem;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.core.label.LabelValue;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The annotator's screen: the item (image with boxes, or text with spans), the classes with
 * their hotkeys, and the controls, all reachable from the keyboard (see {@link ShortcutOverlay}).
 */
public final class LabelingPanel extends BorderPane {
    private final LabelingSession session;
    private final ImageLoader images;
    private final LabelTaskType type;
    private final List<LabelClass> classes;
    private final ImageLabelPane imagePane;
    private final TextLabelPane textPane;
    private final ShortcutOverlay overlay = new ShortcutOverlay();
    private final Label progress = new Label();
    private final Label status = new Label();
    private final Label suggestionLine = new Label();
    private final Label suggestionBadge = new Label();
    private final VBox classList = new VBox(4);
    private LongConsumer onShown = id -> { };
    private Runnable onClose = () -> { };

    public LabelingPanel(LabelingSession session, ImageLoader images) {
        this.session = session;
        this.images = images;
        this.type = session.job().spec().type();
        this.classes = session.job().spec().classes();
        getStyleClass().add("labeling-panel");
        getStylesheets().add(LabelingPanel.class.getResource("labeling.css").toExternalForm());
        setId("labelingPanel");

        imagePane = type.textItems() ? null : new ImageLabelPane(classes, v -> edit(v));
        textPane = type.textItems() ? new TextLabelPane(classes, v -> edit(v)) : null;
        if (imagePane != null) {
            imagePane.setDrawingEnabled(type == LabelTaskType.BOUNDING_BOX);
            imagePane.setId("imagePane");
        }
        suggestionBadge.setId("suggestionBadge");
        suggestionBadge.getStyleClass().add("suggestion-badge");
        suggestionBadge.setMouseTransparent(true);
        // under the item, not over it: it must hide neither the text's first line nor a box
        suggestionBadge.visibleProperty().bind(session.suggestedProperty());
        suggestionBadge.managedProperty().bind(suggestionBadge.visibleProperty());
        StackPane center = new StackPane(imagePane != null ? imagePane : textPane, overlay);
        setCenter(center);
        setTop(toolbar());
        setRight(classPanel());
        setBottom(statusBar());

        session.itemProperty().addListener((o, a, b) -> showItem(b));
        session.valueProperty().addListener((o, a, b) -> refreshValue(b));
        session.messageProperty().addListener((o, a, b) -> status.setText(b));
        session.suggestionProperty().addListener((o, a, b) -> showSuggestion());
        session.suggestedProperty().addListener((o, a, b) -> showSuggestion());
        session.submittedProperty().addListener((o, a, b) -> updateProgress());
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        setFocusTraversable(true);
    }

    /** The line under the item and the badge on it: what the model (or consolidation) proposes, and how to take it. */
    private void showSuggestion() {
        var s = session.suggestionProperty().get();
        if (s.isEmpty()) {
            suggestionLine.setText("");
            return;
        }
        String who = session.isReview() ? "Consolidated answer" : "Model suggestion";
        String what = describe(s.get().value()) + String.format(Locale.ROOT, " (%.0f%%)", 100 * s.get().confidence());
        suggestionBadge.setText(who + ": " + what);
        suggestionLine.setText(session.suggestedProperty().get()
                ? "pre-filled: Enter accepts it, " + (session.isReview() ? "your changes correct it." : "the usual keys change it.")
                : who + " was " + what + ": press A to put it back.");
    }

    /** Called with the item id once its image (or text) is on screen; the benchmark times "submit" to this. */
    public void setOnShown(LongConsumer listener) {
        this.onShown = listener;
    }

    /** Esc on an empty selection or the Close button. */
    public void setOnClose(Runnable action) {
        this.onClose = action;
    }

    public LabelingSession session() {
        return session;
    }

    public ImageLabelPane imagePane() {
        return imagePane;
    }

    public TextLabelPane textPane() {
        return textPane;
    }

    public boolean overlayShown() {
        return overlay.isVisible();
    }

    /** Loads the first item; call once the panel is in a scene. */
    public void start() {
        run(session::start);
        updateProgress();
    }

    private HBox toolbar() {
        Label title = new Label(session.job().name() + " · " + session.annotator());
        title.getStyleClass().add("labeling-title");
        String instructions = session.job().spec().instructions();
        if (!instructions.isBlank()) {
            title.setTooltip(new Tooltip(instructions));
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, title, progress, grow,
                button("Previous", "P", "prevButton", () -> run(session::previous)),
                button("Skip", "S", "skipButton", () -> run(session::skip)),
                button("Undo", "Ctrl+Z", "undoButton", () -> run(session::undo)),
                button("Redo", "Ctrl+Shift+Z", "redoButton", () -> run(session::redo)),
                button("Submit", "Enter", "submitButton", this::submit),
                button("?", "?", "helpButton", this::toggleOverlay),
                button("Close", "", "closeButton", () -> onClose.run()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("labeling-toolbar");
        return bar;
    }

    private Button button(String text, String key, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        if (!key.isEmpty()) {
            b.setTooltip(new Tooltip(text + " (" + key + ")"));
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    private VBox classPanel() {
        for (int i = 0; i < classes.size(); i++) {
            int k = i;
            LabelClass c = classes.get(i);
            Rectangle swatch = new Rectangle(14, 14, Color.web(c.color()));
            Label key = new Label(c.hotkey() == null ? " " : c.hotkey());
            key.getStyleClass().add("shortcut-key");
            HBox row = new HBox(8, key, swatch, new Label(c.name()));
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("class-row");
            row.setId("class-" + i);
            row.setOnMouseClicked(e -> chooseClass(k));
            classList.getChildren().add(row);
        }
        Label heading = new Label("Classes");
        heading.getStyleClass().add("labeling-heading");
        VBox box = new VBox(8, heading, classList);
        box.setPadding(new Insets(12));
        box.setPrefWidth(200);
        box.getStyleClass().add("class-panel");
        return box;
    }

    private VBox statusBar() {
        status.setId("labelingStatus");
        status.getStyleClass().add("labeling-status");
        suggestionLine.setId("suggestionLine");
        HBox suggestionRow = new HBox(8, suggestionBadge, suggestionLine);
        suggestionRow.setAlignment(Pos.CENTER_LEFT);
        suggestionRow.setMinHeight(26); // as tall with or without the badge: the image must not shift when it goes
        VBox box = new VBox(4, suggestionRow, status);
        box.setPadding(new Insets(6, 12, 6, 12));
        return box;
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean shortcut = e.isShortcutDown();
        if (overlay.isVisible() && (code == KeyCode.ESCAPE || "?".equals(e.getText()))) {
            toggleOverlay();
            e.consume();
            return;
        }
        if ("?".equals(e.getText()) || (code == KeyCode.SLASH && e.isShiftDown())) {
            toggleOverlay();
        } else if (code.isDigitKey() && !shortcut) {
            int digit = Integer.parseInt(e.getText().isEmpty() ? code.getName().replaceAll("\\D", "") : e.getText());
            int k = digit == 0 ? 9 : digit - 1;
            if (k < classes.size()) {
                chooseClass(k);
            }
        } else if (code == KeyCode.ENTER) {
            submit();
        } else if (shortcut && code == KeyCode.Z && e.isShiftDown() || shortcut && code == KeyCode.Y) {
            run(session::redo);
        } else if (shortcut && code == KeyCode.Z) {
            run(session::undo);
        } else if (shortcut) {
            return;
        } else if (code == KeyCode.S) {
            run(session::skip);
        } else if (code == KeyCode.P) {
            run(session::previous);
        } else if (code == KeyCode.A) {
            run(session::acceptSuggestion);
        } else if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
            if (imagePane != null) {
                imagePane.deleteSelected();
            } else {
                textPane.deleteAtCaret();
            }
        } else if (code == KeyCode.TAB && imagePane != null) {
            imagePane.selectNext();
        } else if (code == KeyCode.ESCAPE) {
            if (imagePane != null && (imagePane.selectedIndex() >= 0 || imagePane.extremeMode())) {
                imagePane.setExtremeMode(false);
                imagePane.clearSelection();
            } else {
                onClose.run();
            }
        } else if (code == KeyCode.F && imagePane != null) {
            imagePane.fit();
        } else if ((code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) && imagePane != null) {
            imagePane.zoomBy(1.25);
        } else if ((code == KeyCode.MINUS || code == KeyCode.SUBTRACT) && imagePane != null) {
            imagePane.zoomBy(0.8);
        } else if (code == KeyCode.X && imagePane != null && type == LabelTaskType.BOUNDING_BOX) {
            imagePane.setExtremeMode(!imagePane.extremeMode());
            status.setText(imagePane.extremeMode() ? "Extreme points: click the object's top, bottom, left and right-most points." : "");
        } else {
            return;
        }
        e.consume();
    }

    private void chooseClass(int k) {
        switch (type) {
            case BOUNDING_BOX -> imagePane.chooseClass(k);
            case NAMED_ENTITY -> {
                if (!textPane.tagSelection(k)) {
                    status.setText("Select words first, then press " + classes.get(k).hotkey() + " to tag them " + classes.get(k).name() + ".");
                }
            }
            default -> {
                List<Integer> now = session.valueProperty().get() instanceof LabelValue.Classes c ? c.classes() : List.of();
                List<Integer> next;
                if (type.allowsSeveral()) {
                    next = new ArrayList<>(now);
                    if (!next.remove(Integer.valueOf(k))) {
                        next.add(k);
                        next.sort(null);
                    }
                } else {
                    next = List.of(k);
                }
                edit(new LabelValue.Classes(next));
            }
        }
        highlightClasses();
    }

    private void edit(LabelValue value) {
        run(() -> session.edit(value));
    }

    private void submit() {
        run(() -> {
            if (!session.submit() && session.messageProperty().get().isEmpty()) {
                status.setText("Nothing to submit.");
            }
        });
    }

    private void toggleOverlay() {
        overlay.setVisible(!overlay.isVisible());
    }

    private void showItem(LabelItem item) {
        updateProgress();
        if (item == null) {
            status.setText("All done: nothing left for " + session.annotator() + " in this job.");
            if (imagePane != null) {
                imagePane.show(null, null);
            } else {
                textPane.show("", List.of());
            }
            return;
        }
        if (textPane != null) {
            textPane.show(item.source(), session.valueProperty().get() instanceof LabelValue.Spans s ? s.spans() : List.of());
            highlightClasses();
            onShown.accept(item.id());
            return;
        }
        images.load(item.source()).whenComplete((decoded, error) -> Platform.runLater(() -> {
            if (session.itemProperty().get() == null || session.itemProperty().get().id() != item.id()) {
                return; // the annotator moved on while this decoded
            }
            if (error != null) {
                status.setText(error.getCause() != null ? error.getCause().getMessage() : error.getMessage());
                imagePane.show(null, null);
                return;
            }
            imagePane.show(decoded, session.valueProperty().get() instanceof LabelValue.Boxes b ? b : null);
            highlightClasses();
            onShown.accept(item.id());
        }));
        images.prefetch(session.ahead().stream().map(LabelItem::source).toList());
    }

    private void refreshValue(LabelValue value) {
        if (imagePane != null && type == LabelTaskType.BOUNDING_BOX) {
            imagePane.setBoxes(value instanceof LabelValue.Boxes b ? b.boxes() : List.of());
        } else if (textPane != null && type == LabelTaskType.NAMED_ENTITY) {
            textPane.setSpans(value instanceof LabelValue.Spans s ? s.spans() : List.of());
        }
        highlightClasses();
    }

    private void highlightClasses() {
        List<Integer> chosen = switch (session.valueProperty().get()) {
            case LabelValue.Classes c -> c.classes();
            case null -> List.of();
            default -> imagePane != null ? List.of(imagePane.currentClass()) : List.of();
        };
        for (int i = 0; i < classList.getChildren().size(); i++) {
            classList.getChildren().get(i).pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("chosen"), chosen.contains(i));
        }
    }

    private void updateProgress() {
        LabelItem item = session.itemProperty().get();
        progress.setText((item == null ? "done" : "item " + (item.position() + 1) + " of " + session.job().items())
                + " · " + session.submittedProperty().get() + " submitted this session");
    }

    @FunctionalInterface
    private interface Action {
        void run() throws LabelException;
    }

    private void run(Action action) {
        try {
            action.run();
        } catch (LabelException e) {
            status.setText(e.getMessage());
        }
    }

    private String describe(LabelValue v) {
        return switch (v) {
            case LabelValue.Classes c -> String.join(", ", c.classes().stream().map(k -> classes.get(k).name()).toList());
            case LabelValue.Boxes b -> b.boxes().size() + (b.boxes().size() == 1 ? " box" : " boxes");
            case LabelValue.Spans s -> s.spans().size() + (s.spans().size() == 1 ? " span" : " spans");
        };
    }
}
