package dev.osprey.app.data.recipe;

import dev.osprey.core.wrangle.RecipeStep;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.util.Callback;

/**
 * The cells of {@link RecipePanel}'s step list, and the drag that reorders them. A cell shows a
 * step: enabled check box, number and label; the step with the last error is marked. A step is
 * dragged onto another to take its place (a press-drag-release gesture inside the scene, so it
 * needs no system drag-and-drop); the step under the pointer is marked while dragging, and
 * dropping below the last step moves it to the end. The drag is shared by all the list's cells,
 * as it starts on one and ends on another.
 */
final class StepCells implements Callback<ListView<RecipeStep>, ListCell<RecipeStep>> {
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    /** Moves a step from one place to another (the panel keeps it selected where it lands). */
    @FunctionalInterface
    interface Mover {
        void move(int from, int to);
    }

    private final RecipeModel model;
    private final Mover mover;
    /** The step being dragged, or -1. */
    private int dragFrom = -1;
    /** The step the mouse was last pressed on, or -1. */
    private int pressed = -1;

    StepCells(RecipeModel model, Mover mover) {
        this.model = model;
        this.mover = mover;
    }

    @Override
    public ListCell<RecipeStep> call(ListView<RecipeStep> list) {
        return new StepCell();
    }

    private final class StepCell extends ListCell<RecipeStep> {
        private final CheckBox enabled = new CheckBox();
        private final Label text = new Label();
        private final HBox box = new HBox(6, enabled, text);

        StepCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            // The pressed step is what moves: a quick drag is detected only once the pointer has
            // left it, over whichever cell it is by then.
            addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressed = isEmpty() || getItem() == null
                    || enabled.isHover() ? -1 : getIndex());
            setOnDragDetected(e -> {
                if (pressed >= 0 && pressed < model.steps().size()) {
                    dragFrom = pressed;
                    startFullDrag();
                    e.consume();
                }
            });
            setOnMouseDragEntered(e -> pseudoClassStateChanged(DROP_TARGET, dragFrom >= 0 && dragFrom != target()));
            setOnMouseDragExited(e -> pseudoClassStateChanged(DROP_TARGET, false));
            setOnMouseDragReleased(e -> {
                pseudoClassStateChanged(DROP_TARGET, false);
                int from = dragFrom;
                dragFrom = -1;
                if (from >= 0 && from != target()) {
                    mover.move(from, target());
                }
                e.consume();
            });
            enabled.setOnAction(e -> {
                if (getIndex() >= 0) {
                    model.setEnabled(getIndex(), enabled.isSelected());
                }
            });
            model.errorStepProperty().addListener(o -> updateItem(getItem(), isEmpty()));
        }

        /** Where a step dropped here lands: this step's place, or the end below the last step. */
        private int target() {
            return isEmpty() || getItem() == null ? model.steps().size() - 1 : getIndex();
        }

        @Override
        protected void updateItem(RecipeStep item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("step-error", "step-disabled");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                setId(null); // a reused cell must not keep the id of the step it showed before
                return;
            }
            enabled.setSelected(item.enabled());
            enabled.setId("step-enabled-" + getIndex());
            text.setText((getIndex() + 1) + ". " + item.step().label());
            setGraphic(box);
            setId("step-" + getIndex());
            if (!item.enabled()) {
                getStyleClass().add("step-disabled");
            }
            if (model.errorStepProperty().get() == getIndex() && model.errorProperty().get() != null) {
                getStyleClass().add("step-error");
                setTooltip(new Tooltip(model.errorProperty().get()));
            } else {
                setTooltip(null);
            }
        }
    }
}
