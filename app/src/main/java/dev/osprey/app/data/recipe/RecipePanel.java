package dev.osprey.app.data.recipe;

import dev.osprey.core.data.ColumnType;
import dev.osprey.core.wrangle.Condition;
import dev.osprey.core.wrangle.RecipeStep;
import dev.osprey.core.wrangle.Step;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The recipe beside the grid: the ordered steps (check box to enable, Alt+Up/Down or a drag to move,
 * Delete to remove), the selected or new step's form, undo/redo (Ctrl+Z, Ctrl+Shift+Z: the Grid tab routes the keys), the
 * preview's notes, the last error, and Save as a new dataset with progress and cancel. The step
 * cells and their drag are {@link StepCells}.
 */
public final class RecipePanel extends VBox {
    public static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final RecipeModel model;
    private final ListView<RecipeStep> list = new ListView<>();
    private final VBox formBox = new VBox(6);
    private final Label formTitle = new Label();
    private final Label formProblem = new Label();
    private final TextField saveName = new TextField();
    private Class<? extends Step> formKind;
    private int formIndex = -1;
    private StepForm form;

    public RecipePanel(RecipeModel model) {
        this.model = model;
        setId("recipePanel");
        getStyleClass().add("recipe-panel");
        setSpacing(8);
        setMinWidth(360);
        setPrefWidth(380);

        Label title = new Label("Recipe");
        title.getStyleClass().add("pane-title");
        MenuButton add = new MenuButton("Add step");
        add.setId("addStep");
        // Grouped, so the menu fits on a small screen: 32 kinds in one list would not.
        java.util.Map<String, javafx.scene.control.Menu> groups = new java.util.LinkedHashMap<>();
        for (Class<? extends Step> kind : RecipeModel.kinds()) {
            MenuItem item = new MenuItem(StepForm.words(kind.getSimpleName()));
            item.setId("add-" + kind.getSimpleName());
            item.setOnAction(e -> openForm(kind, null, -1));
            groups.computeIfAbsent(group(kind), g -> {
                javafx.scene.control.Menu m = new javafx.scene.control.Menu(g);
                m.setId("addGroup-" + g.replace(' ', '-'));
                return m;
            }).getItems().add(item);
        }
        add.getItems().addAll(groups.values());
        add.disableProperty().bind(model.readyProperty().not());
        Button undo = new Button("Undo");
        undo.setId("recipeUndo");
        undo.setTooltip(new Tooltip("Undo (Ctrl+Z)"));
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button redo = new Button("Redo");
        redo.setId("recipeRedo");
        redo.setTooltip(new Tooltip("Redo (Ctrl+Shift+Z)"));
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Region r : List.of(title, undo, redo, add)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox head = new HBox(6, title, gap, undo, redo, add);
        head.setAlignment(Pos.CENTER_LEFT);

        list.setId("recipeSteps");
        list.getStyleClass().add("recipe-steps");
        list.setItems(model.steps());
        list.setCellFactory(new StepCells(model, this::moveStep));
        list.setPrefHeight(220);
        Label empty = new Label("No steps yet. Add one with \u201cAdd step\u201d or from a column's menu in the grid.");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            int at = i.intValue();
            if (at >= 0 && at < model.steps().size()) {
                Step s = model.steps().get(at).step();
                openForm(s.getClass(), s, at);
            }
        });
        list.setOnKeyPressed(this::onListKey);
        VBox.setVgrow(list, Priority.SOMETIMES);

        Button up = new Button("\u2191");
        up.setId("stepUp");
        up.setTooltip(new Tooltip("Move up (Alt+Up)"));
        up.setOnAction(e -> moveSelected(-1));
        Button down = new Button("\u2193");
        down.setId("stepDown");
        down.setTooltip(new Tooltip("Move down (Alt+Down)"));
        down.setOnAction(e -> moveSelected(1));
        Button delete = new Button("Delete");
        delete.setId("stepDelete");
        delete.setOnAction(e -> deleteSelected());
        for (Button b : List.of(up, down, delete)) {
            b.getStyleClass().add("flat");
            b.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        }
        HBox stepTools = new HBox(4, up, down, delete);

        formTitle.getStyleClass().add("form-title");
        formProblem.getStyleClass().add("grid-problem");
        formProblem.setWrapText(true);
        formBox.setId("stepFormBox");
        formBox.getStyleClass().add("step-form-box");
        formBox.setVisible(false);
        formBox.managedProperty().bind(formBox.visibleProperty());

        Label error = new Label();
        error.setId("recipeError");
        error.getStyleClass().add("grid-problem");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Label notes = new Label();
        notes.setId("recipeNotes");
        notes.getStyleClass().add("muted");
        notes.setWrapText(true);
        notes.textProperty().bind(model.notesProperty());

        saveName.setId("saveName");
        saveName.setPromptText("new dataset name");
        HBox.setHgrow(saveName, Priority.ALWAYS);
        Button save = new Button("Save as dataset");
        save.setId("recipeSave");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.readyProperty().not().or(model.savingProperty()));
        save.setOnAction(e -> model.save(saveName.getText()));
        saveName.setOnAction(e -> model.save(saveName.getText()));
        ProgressBar progress = new ProgressBar();
        progress.setId("saveProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.progressProperty().bind(model.saveProgressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("saveCancel");
        cancel.setOnAction(e -> model.cancelSave());
        HBox running = new HBox(6, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.savingProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label saveMessage = new Label();
        saveMessage.setId("saveMessage");
        saveMessage.getStyleClass().add("muted");
        saveMessage.setWrapText(true);
        saveMessage.textProperty().bind(model.saveMessageProperty());
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        save.setMinWidth(Region.USE_PREF_SIZE);
        HBox saveRow = new HBox(6, saveName, save);
        saveRow.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(head, list, stepTools, error, formBox, notes, fill, saveRow, running, saveMessage);
        model.steps().addListener((javafx.beans.Observable o) -> {
            if (formIndex >= model.steps().size()) {
                closeForm();
            }
        });
        model.sourceChanged(this::closeForm);
    }

    public RecipeModel model() {
        return model;
    }

    /** Items for a grid column's context menu: steps on that column, most with their form open to adjust. */
    public List<MenuItem> columnActions(String column, ColumnType type) {
        List<MenuItem> items = new ArrayList<>();
        boolean numeric = type != null && type.isNumeric();
        items.add(action("Fill missing\u2026", "fill", () -> openForm(Step.FillMissing.class,
                new Step.FillMissing(column, numeric ? Step.FillMethod.MEAN : Step.FillMethod.MODE, null), -1)));
        items.add(action("Missing indicator", "indicator", () -> model.add(new Step.MissingIndicator(column, null))));
        items.add(action("One-hot encode", "onehot", () -> model.add(new Step.OneHotEncode(column, true))));
        items.add(action("Ordinal encode", "ordinal", () -> model.add(new Step.OrdinalEncode(column, null))));
        if (numeric) {
            items.add(action("Standardize", "standardize", () -> model.add(new Step.Standardize(column))));
            items.add(action("Min-max scale", "minmax", () -> model.add(new Step.MinMaxScale(column))));
        }
        items.add(action("Filter rows\u2026", "filter", () -> openForm(Step.Filter.class,
                new Step.Filter(new Condition.Compare(column, Condition.Op.NOT_MISSING, null)), -1)));
        items.add(action("Rename\u2026", "rename", () -> openForm(Step.RenameColumn.class,
                new Step.RenameColumn(column, column + "_renamed"), -1)));
        items.add(action("Drop column", "drop", () -> model.add(new Step.DropColumns(List.of(column)))));
        return items;
    }

    static String group(Class<? extends Step> kind) {
        return switch (kind.getSimpleName()) {
            case "SelectColumns", "DropColumns", "RenameColumn", "ReorderColumns", "CastColumn", "ComputedColumn" -> "Columns";
            case "ParseDate", "ExtractDatePart" -> "Dates";
            case "FillMissing", "DropMissing", "MissingIndicator" -> "Missing values";
            case "OneHotEncode", "OrdinalEncode", "Standardize", "MinMaxScale", "Bin", "LogTransform", "PowerTransform",
                 "ClipOutliers" -> "Encode and scale";
            case "TrimText", "ChangeCase", "RegexReplace", "SplitText", "TextLength" -> "Text";
            case "Join", "Concatenate", "GroupBy" -> "Combine";
            default -> "Rows";
        };
    }

    private static MenuItem action(String text, String id, Runnable run) {
        MenuItem m = new MenuItem(text);
        m.setId("recipe-menu-" + id);
        m.setOnAction(e -> run.run());
        return m;
    }

    /** Opens the form for a new step ({@code index} -1) or the step at {@code index}. */
    void openForm(Class<? extends Step> kind, Step current, int index) {
        formKind = kind;
        formIndex = index;
        List<String> columns = model.columnsBefore(index < 0 ? model.steps().size() : index);
        form = new StepForm(kind, current, columns);
        formTitle.setText((index < 0 ? "New step: " : "Step " + (index + 1) + ": ") + StepForm.words(kind.getSimpleName()));
        formProblem.setText("");
        Button ok = new Button(index < 0 ? "Add" : "Apply");
        ok.setId("stepApply");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> submitForm());
        Button cancel = new Button("Close");
        cancel.setId("stepClose");
        cancel.getStyleClass().add("flat");
        cancel.setOnAction(e -> closeForm());
        HBox buttons = new HBox(6, ok, cancel);
        formBox.getChildren().setAll(formTitle, form, formProblem, buttons);
        formBox.setVisible(true);
    }

    private void submitForm() {
        Step step;
        try {
            step = form.build();
        } catch (IllegalArgumentException e) {
            formProblem.setText(e.getMessage());
            return;
        }
        int index = formIndex;
        (index < 0 ? model.add(step) : model.replace(index, step)).thenAccept(ok -> {
            if (ok) {
                closeForm();
                list.getSelectionModel().clearSelection();
            } else {
                formProblem.setText(model.errorProperty().get());
            }
        });
    }

    private void closeForm() {
        formBox.setVisible(false);
        formBox.getChildren().clear();
        form = null;
        formKind = null;
        formIndex = -1;
    }

    private void moveSelected(int by) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        moveStep(i, i + by);
    }

    /** Moves a step (buttons, Alt+Up/Down or a drag) and keeps it selected where it lands. */
    private void moveStep(int from, int to) {
        model.move(from, to).thenAccept(ok -> {
            if (ok) {
                list.getSelectionModel().select(to);
            }
        });
    }

    private void deleteSelected() {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            closeForm();
            model.remove(i);
        }
    }

    private void onListKey(KeyEvent e) {
        if (e.isAltDown() && e.getCode() == KeyCode.UP) {
            moveSelected(-1);
        } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
            moveSelected(1);
        } else if (e.getCode() == KeyCode.DELETE) {
            deleteSelected();
        } else {
            return;
        }
        e.consume();
    }
}
