package dev.osprey.app.notebook;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;

import java.util.concurrent.Executor;

/**
 * One cell in the editor: the prompt ({@code [3]}, {@code [*]}), a code area (Java colouring
 * computed on {@code highlighter}, applied on the UI executor if the text has not changed
 * meanwhile), a markdown cell's text when it is not being edited, and the outputs.
 * The cell itself is focusable: focused, it is in command mode; its code area focused, in edit mode.
 */
final class CellView extends HBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass EDITING = PseudoClass.getPseudoClass("editing");
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    private final CellModel cell;
    private final Executor highlighter;
    private final Executor ui;
    private final Label prompt = new Label();
    private final CodeArea area = new CodeArea();
    private final javafx.scene.layout.StackPane rendered = new javafx.scene.layout.StackPane();
    private final VBox body = new VBox();
    private final OutputsView outputs;
    private long highlightGeneration;
    private boolean syncing;

    CellView(CellModel cell, Executor highlighter, Executor ui) {
        this.cell = cell;
        this.highlighter = highlighter;
        this.ui = ui;
        this.outputs = new OutputsView(cell.outputs());
        getStyleClass().add("nb-cell");
        setFocusTraversable(true);
        prompt.getStyleClass().add("nb-prompt");
        prompt.setMinWidth(56);
        prompt.setAlignment(Pos.TOP_RIGHT);

        area.getStyleClass().add("nb-code");
        area.setWrapText(true); // a long line wraps rather than hiding behind the cell's edge
        area.replaceText(cell.source());
        area.totalHeightEstimateProperty().addListener((o, a, h) -> {
            if (h != null) {
                area.setPrefHeight(h + 12);
            }
        });
        area.setPrefHeight(lineHeight(cell.source()));
        area.textProperty().addListener((o, a, text) -> {
            if (!syncing) {
                syncing = true;
                cell.sourceProperty().set(text);
                syncing = false;
            }
            highlight(text);
        });
        cell.sourceProperty().addListener((o, a, text) -> {
            if (!syncing && !text.equals(area.getText())) {
                syncing = true;
                area.replaceText(text);
                syncing = false;
            }
        });
        area.focusedProperty().addListener((o, a, focused) -> {
            pseudoClassStateChanged(EDITING, focused);
            if (!focused && cell.kind() != CellModel.Kind.CODE) {
                showMarkdown(true);
            }
        });

        rendered.setMaxWidth(Double.MAX_VALUE);
        rendered.getChildren().setAll(MarkdownText.node(cell.source()));
        cell.sourceProperty().addListener((o, a, text) -> rendered.getChildren().setAll(MarkdownText.node(text)));
        rendered.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2) {
                edit();
            }
        });

        body.getStyleClass().add("nb-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        getChildren().addAll(prompt, body);

        ChangeListener<Object> promptUpdate = (o, a, b) -> updatePrompt();
        cell.executionCountProperty().addListener(promptUpdate);
        cell.stateProperty().addListener(promptUpdate);
        cell.kindProperty().addListener((o, a, kind) -> layoutBody());
        updatePrompt();
        layoutBody();
        highlight(cell.source());
    }

    CellModel cell() {
        return cell;
    }

    CodeArea area() {
        return area;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** Edit mode: the code area gets the keyboard (a markdown cell shows its source). */
    void edit() {
        if (cell.kind() != CellModel.Kind.CODE) {
            showMarkdown(false);
        }
        area.requestFocus();
    }

    /** Command mode: the cell itself gets the keyboard. */
    void command() {
        requestFocus();
    }

    private void layoutBody() {
        if (cell.kind() == CellModel.Kind.CODE) {
            body.getChildren().setAll(area, outputs);
        } else {
            showMarkdown(!area.isFocused());
        }
        updatePrompt();
    }

    private void showMarkdown(boolean asText) {
        body.getChildren().setAll(asText ? rendered : area);
    }

    private void updatePrompt() {
        if (cell.kind() != CellModel.Kind.CODE) {
            prompt.setText("");
            pseudoClassStateChanged(RUNNING, false);
            return;
        }
        CellState state = cell.state();
        Integer count = cell.executionCountProperty().get();
        prompt.setText(switch (state) {
            case RUNNING -> "[*]:";
            case QUEUED -> "[…]:";
            case IDLE -> "[" + (count == null ? " " : count) + "]:";
        });
        pseudoClassStateChanged(RUNNING, state != CellState.IDLE);
    }

    private void highlight(String text) {
        long gen = ++highlightGeneration;
        highlighter.execute(() -> {
            var spans = JavaHighlighting.compute(text);
            ui.execute(() -> {
                if (gen == highlightGeneration && area.getText().equals(text) && cell.kind() == CellModel.Kind.CODE) {
                    area.setStyleSpans(0, spans);
                }
            });
        });
    }

    private static double lineHeight(String text) {
        return Math.max(1, text.lines().count()) * 18 + 12;
    }
}
