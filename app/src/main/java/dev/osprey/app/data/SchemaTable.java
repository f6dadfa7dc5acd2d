package dev.osprey.app.data;

import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.util.List;
import java.util.function.Function;

/**
 * The Schema tab: one line per column with its name, type and role editable in place (always-on
 * controls, so an edit needs no double-click and is never lost on focus change), the import's
 * missing and distinct counts, and Apply / Revert.
 */
final class SchemaTable extends VBox {
    private static final PseudoClass EDITED = PseudoClass.getPseudoClass("edited");

    private final DataViewModel model;
    private final TableView<SchemaRow> table = new TableView<>();
    private final LongProperty rowCount = new SimpleLongProperty();

    SchemaTable(DataViewModel model) {
        this.model = model;
        getStyleClass().add("schema-pane");
        SchemaModel schema = model.schema();

        table.setId("schemaTable");
        table.getStyleClass().add("schema-table");
        table.setItems(schema.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new EditedRow());
        table.setPlaceholder(new Label("This dataset has no columns."));
        table.setFixedCellSize(40);
        table.getColumns().addAll(List.of(indexColumn(), nameColumn(), typeColumn(), roleColumn(),
                countColumn("Missing", SchemaRow::missing, true), countColumn("Distinct", SchemaRow::distinct, false)));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("schemaProblem");
        problem.getStyleClass().add("schema-problem");
        problem.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        problem.textProperty().bind(schema.problemProperty());
        problem.visibleProperty().bind(schema.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());

        Label hint = new Label();
        hint.getStyleClass().add("muted");
        hint.setId("schemaHint");
        hint.textProperty().bind(Bindings.createStringBinding(() -> switch (schema.changedProperty().get()) {
            case 0 -> "Edit names, types and roles in place, then Apply.";
            case 1 -> "1 column changed, not applied yet.";
            default -> schema.changedProperty().get() + " columns changed, not applied yet.";
        }, schema.changedProperty()));
        hint.visibleProperty().bind(problem.visibleProperty().not());
        hint.managedProperty().bind(hint.visibleProperty());

        Button revert = new Button("Revert", new FontIcon(MaterialDesignU.UNDO));
        revert.setId("schemaRevert");
        revert.disableProperty().bind(schema.dirtyProperty().not().or(model.schemaSavingProperty()));
        revert.setOnAction(e -> model.revertSchema());

        Button apply = new Button("Apply", new FontIcon(MaterialDesignC.CHECK));
        apply.setId("schemaApply");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(schema.dirtyProperty().not().or(schema.problemProperty().isNotNull())
                .or(model.schemaSavingProperty()));
        apply.setOnAction(e -> model.applySchema());
        apply.textProperty().bind(Bindings.when(model.schemaSavingProperty()).then("Applying…").otherwise("Apply"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, problem, hint, spacer, revert, apply);
        bar.getStyleClass().add("schema-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(table, bar);

        model.selectedProperty().addListener((o, a, d) -> rowCount.set(d == null ? 0 : d.rowCount()));
    }

    TableView<SchemaRow> table() {
        return table;
    }

    private static TableColumn<SchemaRow, Number> indexColumn() {
        TableColumn<SchemaRow, Number> c = new TableColumn<>("#");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Integer.toString(getIndex() + 1));
            }
        });
        c.getStyleClass().add("index-column");
        fixed(c, 44);
        return c;
    }

    private static TableColumn<SchemaRow, String> nameColumn() {
        TableColumn<SchemaRow, String> c = new TableColumn<>("Name");
        c.setId("schemaName");
        c.setCellValueFactory(f -> f.getValue().nameProperty());
        c.setCellFactory(col -> new TableCell<>() {
            private final TextField field = new TextField();
            private StringProperty bound;

            {
                field.getStyleClass().add("cell-field");
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    field.textProperty().unbindBidirectional(bound);
                    bound = null;
                }
                SchemaRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null) {
                    setGraphic(null);
                    return;
                }
                bound = row.nameProperty();
                field.textProperty().bindBidirectional(bound);
                String src = row.saved().sourceName();
                field.setPromptText(src);
                field.setTooltip(src.equals(row.saved().name()) ? null
                        : new javafx.scene.control.Tooltip("In the file: " + src));
                setGraphic(field);
            }
        });
        c.setPrefWidth(240);
        c.setMinWidth(120);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<SchemaRow, ColumnType> typeColumn() {
        TableColumn<SchemaRow, ColumnType> c = new TableColumn<>("Type");
        c.setId("schemaType");
        c.setCellValueFactory(f -> f.getValue().typeProperty());
        c.setCellFactory(col -> new ChoiceCell<>(ColumnType.values(), SchemaRow::typeProperty, Formats::type));
        fixed(c, 150);
        return c;
    }

    private static TableColumn<SchemaRow, ColumnRole> roleColumn() {
        TableColumn<SchemaRow, ColumnRole> c = new TableColumn<>("Role");
        c.setId("schemaRole");
        c.setCellValueFactory(f -> f.getValue().roleProperty());
        c.setCellFactory(col -> new ChoiceCell<>(ColumnRole.values(), SchemaRow::roleProperty, Formats::role));
        fixed(c, 140);
        return c;
    }

    private TableColumn<SchemaRow, Number> countColumn(String title, java.util.function.ToLongFunction<SchemaRow> value,
                                                        boolean withShare) {
        TableColumn<SchemaRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new SimpleObjectProperty<>(value.applyAsLong(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("zero");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                long n = item.longValue();
                String text = Formats.count(n);
                long total = rowCount.get();
                if (withShare && n > 0 && total > 0) {
                    text += String.format(java.util.Locale.ROOT, "  (%.1f%%)", 100.0 * n / total);
                }
                if (n == 0) {
                    getStyleClass().add("zero");
                }
                setText(text);
            }
        });
        c.getStyleClass().add("number-column");
        c.setSortable(false);
        fixed(c, withShare ? 130 : 100);
        return c;
    }

    private static void fixed(TableColumn<?, ?> c, double width) {
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.7);
        c.setSortable(false);
        c.setReorderable(false);
    }

    /** A cell that is always a ComboBox, bound to the row's property. */
    private static final class ChoiceCell<T> extends TableCell<SchemaRow, T> {
        private final ComboBox<T> box;
        private final Function<SchemaRow, ObjectProperty<T>> property;
        private ObjectProperty<T> bound;

        ChoiceCell(T[] choices, Function<SchemaRow, ObjectProperty<T>> property, Function<T, String> label) {
            this.property = property;
            this.box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(choices));
            box.getStyleClass().add("cell-combo");
            box.setMaxWidth(Double.MAX_VALUE);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(T t) {
                    return t == null ? "" : label.apply(t);
                }

                @Override
                public T fromString(String s) {
                    return null;
                }
            });
            box.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : label.apply(item));
                }
            });
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.valueProperty().unbindBidirectional(bound);
                bound = null;
            }
            SchemaRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null) {
                setGraphic(null);
                return;
            }
            bound = property.apply(row);
            box.valueProperty().bindBidirectional(bound);
            setGraphic(box);
        }
    }

    /** Marks a line whose column the user has edited but not applied yet. */
    private static final class EditedRow extends TableRow<SchemaRow> {
        private final javafx.beans.InvalidationListener mark = o -> refreshMark();
        private SchemaRow watched;

        @Override
        protected void updateItem(SchemaRow item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.nameProperty().removeListener(mark);
                watched.typeProperty().removeListener(mark);
                watched.roleProperty().removeListener(mark);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.nameProperty().addListener(mark);
                watched.typeProperty().addListener(mark);
                watched.roleProperty().addListener(mark);
            }
            refreshMark();
        }

        private void refreshMark() {
            pseudoClassStateChanged(EDITED, watched != null && watched.isChanged());
        }
    }
}
