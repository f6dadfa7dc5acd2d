package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.KernelStatus;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One open notebook (a tab's content): a toolbar (run, run all, the Cell menu, interrupt,
 * restart, save, variables), the kernel's status, the questions of {@link NotebookBanners}, the
 * cells in a vertical list and the variables beside them. Keys follow Jupyter: Shift/Ctrl/Alt+Enter
 * in a cell, Tab completes and Shift+Tab documents ({@link CodeAssist}), Esc to command mode,
 * where A, B, DD, Z, M, Y and the arrows work; Ctrl+S saves anywhere.
 */
final class NotebookEditor extends BorderPane {
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SHIFT_ENTER = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination CTRL_ENTER = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ALT_ENTER = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.ALT_DOWN);

    private final NotebookViewModel model;
    private final Executor highlighter;
    private final Executor ui;
    private final VBox cellBox = new VBox();
    private final ScrollPane scroll = new ScrollPane(cellBox);
    private final Map<CellModel, CellView> views = new HashMap<>();
    private final BooleanProperty variablesShown = new SimpleBooleanProperty(this, "variablesShown", true);
    private final NotebookBanners banners;
    private boolean pendingDelete;

    NotebookEditor(NotebookViewModel model, Executor highlighter, Executor ui) {
        this.model = model;
        this.highlighter = highlighter;
        this.ui = ui;
        getStyleClass().add("nb-editor");
        banners = new NotebookBanners(model);
        setTop(new VBox(toolbar(), banners));
        cellBox.getStyleClass().add("nb-cells");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("nb-scroll");
        VariablesPanel variables = new VariablesPanel(model.help());
        SplitPane split = new SplitPane(scroll);
        split.getStyleClass().add("nb-editor-split");
        variablesShown.subscribe(shown -> {
            if (shown && !split.getItems().contains(variables)) {
                split.getItems().add(variables);
                split.setDividerPositions(0.7);
            } else if (!shown) {
                split.getItems().remove(variables);
            }
        });
        setCenter(split);
        model.cells().addListener((ListChangeListener<CellModel>) c -> rebuild());
        model.selectedProperty().addListener((o, a, b) -> {
            markSelection();
            CellView v = selectedView();
            if (v != null && !v.isFocused() && !v.area().isFocused() && isFocusWithin()) {
                v.edit();
            }
            reveal(v);
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        rebuild();
    }

    /** Puts the keyboard into the selected cell (called when the notebook is shown). */
    void focusSelected() {
        CellView v = selectedView();
        if (v != null && v.cell().isCode()) {
            v.edit();
        } else if (v != null) {
            v.command(); // a markdown cell stays rendered until Enter
        }
    }

    NotebookViewModel model() {
        return model;
    }

    /** Asks in place whether to save before a tab with unsaved edits closes. */
    void askBeforeClosing(Runnable close, Runnable discard) {
        banners.askBeforeClosing(close, discard);
    }

    private Node toolbar() {
        Label title = new Label();
        title.textProperty().bind(model.fileProperty().map(f -> model.title()));
        title.getStyleClass().add("nb-title");
        title.setId("notebookTitle");
        Label dirty = new Label("•");
        dirty.getStyleClass().add("nb-dirty");
        dirty.visibleProperty().bind(model.dirtyProperty());
        dirty.setTooltip(new Tooltip("Unsaved changes (Ctrl+S saves; an autosaved copy is kept meanwhile)"));

        Button run = button("Run", MaterialDesignP.PLAY, "runButton", "Run the selected cell (Ctrl+Enter; Shift+Enter runs and moves on)");
        run.setOnAction(e -> {
            CellModel cell = model.selectedCell();
            if (cell != null) {
                model.run(cell);
            }
        });
        Button runAll = button("Run all", MaterialDesignP.PLAY_BOX_MULTIPLE_OUTLINE, "runAllButton", "Run every cell from the top");
        runAll.setOnAction(e -> model.runAll());
        MenuButton cellMenu = new MenuButton("Cell", null,
                item("Run above", "runAboveItem", model::runAbove),
                item("Run selected and below", "runBelowItem", model::runBelow),
                new SeparatorMenuItem(),
                item("Clear output of the selected cell", "clearOutputItem", model::clearSelectedOutputs),
                item("Clear all outputs", "clearAllOutputsItem", model::clearAllOutputs),
                new SeparatorMenuItem(),
                item("Restart kernel and run all", "restartRunAllItem", model::restartAndRunAll));
        cellMenu.setId("cellMenu");
        cellMenu.getStyleClass().add("nb-tool");
        cellMenu.setFocusTraversable(false);
        Button interrupt = button("Interrupt", MaterialDesignS.STOP, "interruptButton", "Stop the running cell and drop the queued ones");
        interrupt.setOnAction(e -> model.interrupt());
        interrupt.disableProperty().bind(model.kernelStatusProperty().isNotEqualTo(KernelStatus.BUSY));
        Button restart = button("Restart", MaterialDesignR.RESTART, "restartButton", "Start a fresh kernel (variables are lost; cells stay)");
        restart.setOnAction(e -> model.restart());
        Button save = button("Save", MaterialDesignC.CONTENT_SAVE_OUTLINE, "saveButton", "Save the notebook (Ctrl+S)");
        save.setOnAction(e -> model.save());
        ToggleButton vars = new ToggleButton(null, new FontIcon(MaterialDesignV.VARIABLE));
        vars.setAccessibleText("Variables");
        vars.setId("variablesToggle");
        vars.getStyleClass().add("nb-tool");
        vars.setFocusTraversable(false);
        vars.setTooltip(new Tooltip("Show the kernel's variables beside the cells"));
        vars.selectedProperty().bindBidirectional(variablesShown);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, title, dirty, spacer, run, runAll, cellMenu, interrupt, restart, save, vars, kernelStatus());
        bar.setAlignment(Pos.CENTER_LEFT);
        // the title gives way (ellipsis) before any button does
        title.setMinWidth(0);
        for (Node n : bar.getChildren()) {
            if (n != title && n != spacer && n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.getStyleClass().add("nb-toolbar");
        return bar;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Node kernelStatus() {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("nb-kernel-dot");
        Label label = new Label();
        label.setId("kernelStatus");
        label.getStyleClass().add("nb-kernel-status");
        label.setGraphic(dot);
        label.textProperty().bind(model.kernelStatusProperty().map(s -> "Java · " + switch (s) {
            case STARTING -> "starting";
            case IDLE -> "idle";
            case BUSY -> "busy";
            case RESTARTING -> "restarting";
            case DEAD -> "dead";
        }));
        model.kernelStatusProperty().subscribe(s -> {
            dot.getStyleClass().removeIf(c -> c.startsWith("nb-kernel-"));
            dot.getStyleClass().addAll("nb-kernel-dot", "nb-kernel-" + s.name().toLowerCase(java.util.Locale.ROOT));
        });
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.kernelReasonProperty().map(r -> r.isBlank() ? "The notebook's Java kernel" : r));
        label.setTooltip(tip);
        return label;
    }

    /** A toolbar button; all but Run show only their icon (the tooltip names them), as Jupyter's toolbar does. */
    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String id, String tip) {
        Button b = new Button("Run".equals(text) ? text : null, new FontIcon(icon));
        b.setAccessibleText(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.getStyleClass().add("nb-tool");
        b.setFocusTraversable(false); // a click must not steal the keyboard from the cell
        return b;
    }

    private void rebuild() {
        Map<CellModel, CellView> keep = new HashMap<>();
        for (CellModel c : model.cells()) {
            CellView v = views.get(c);
            if (v == null) {
                v = new CellView(c, highlighter, ui);
                CodeAssist.install(v.area(), model.help());
                CellView view = v;
                v.focusedProperty().addListener((o, a, f) -> select(f, view));
                v.area().focusedProperty().addListener((o, a, f) -> select(f, view));
            }
            keep.put(c, v);
        }
        views.clear();
        views.putAll(keep);
        cellBox.getChildren().setAll(model.cells().stream().map(views::get).toList());
        markSelection();
    }

    private void select(boolean focused, CellView view) {
        int i = model.cells().indexOf(view.cell());
        if (focused && i >= 0) {
            model.selectedProperty().set(i);
        }
    }

    private void markSelection() {
        CellView selected = selectedView();
        views.values().forEach(v -> v.setSelected(v == selected));
    }

    private CellView selectedView() {
        CellModel c = model.selectedCell();
        return c == null ? null : views.get(c);
    }

    private void reveal(CellView v) {
        if (v == null || cellBox.getHeight() <= scroll.getViewportBounds().getHeight()) {
            return;
        }
        Bounds b = v.getBoundsInParent();
        double viewport = scroll.getViewportBounds().getHeight();
        double top = scroll.getVvalue() * (cellBox.getHeight() - viewport);
        if (b.getMinY() < top) {
            scroll.setVvalue(b.getMinY() / (cellBox.getHeight() - viewport));
        } else if (b.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(1, (b.getMaxY() - viewport) / (cellBox.getHeight() - viewport)));
        }
    }

    private void onKey(KeyEvent e) {
        if (SAVE.match(e)) {
            model.save();
            e.consume();
            return;
        }
        CellView v = selectedView();
        boolean editing = v != null && v.area().isFocused();
        if (SHIFT_ENTER.match(e)) {
            model.runSelectedAndAdvance();
            focusSelected();
        } else if (CTRL_ENTER.match(e)) {
            if (v != null) {
                model.run(v.cell());
                if (!v.cell().isCode()) {
                    v.command();
                }
            }
        } else if (ALT_ENTER.match(e)) {
            model.runSelectedAndInsert();
            focusSelected();
        } else if (editing && e.getCode() == KeyCode.ESCAPE) {
            v.command();
        } else if (!editing && v != null && v.isFocused()) {
            if (!commandKey(e, v)) {
                return;
            }
        } else {
            return;
        }
        e.consume();
    }

    /** Command mode's single keys; false when the key is not one of them. */
    private boolean commandKey(KeyEvent e, CellView v) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        boolean wasDelete = pendingDelete;
        pendingDelete = false;
        switch (e.getCode()) {
            case A -> model.edits().insertAbove();
            case B -> model.edits().insertBelow();
            case Z -> model.edits().undoDelete();
            case D -> {
                if (wasDelete) {
                    model.edits().deleteSelected();
                } else {
                    pendingDelete = true;
                }
            }
            case M -> model.edits().setSelectedKind(CellModel.Kind.MARKDOWN);
            case Y -> model.edits().setSelectedKind(CellModel.Kind.CODE);
            case UP, K -> model.edits().moveSelection(-1);
            case DOWN, J -> model.edits().moveSelection(1);
            case ENTER -> {
                v.edit();
                return true;
            }
            default -> {
                return false;
            }
        }
        CellView now = selectedView();
        if (now != null) {
            now.command();
        }
        return true;
    }
}
