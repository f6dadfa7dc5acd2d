package dev.osprey.app.data;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.TablePreview;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Preview tab: the first rows of the dataset in a read-only grid, with a row-number column,
 * headers that show each column's name and type, numbers right-aligned and nulls dimmed. While
 * the rows load it shows a spinner; when they cannot be read, why.
 */
final class PreviewGrid extends VBox {
    private final TableView<List<Object>> table = new TableView<>();
    private final Label footer = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label error = new Label();

    PreviewGrid(DataViewModel model) {
        getStyleClass().add("preview-pane");
        table.setId("previewTable");
        table.getStyleClass().add("preview-table");
        table.setEditable(false);
        table.setPlaceholder(new Label("No rows."));
        table.setFixedCellSize(30);
        table.getSelectionModel().setCellSelectionEnabled(true);

        spinner.setMaxSize(36, 36);
        error.getStyleClass().add("preview-error");
        error.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.textProperty().bind(model.previewErrorProperty());
        error.visibleProperty().bind(model.previewErrorProperty().isNotNull());
        spinner.visibleProperty().bind(model.previewLoadingProperty());
        table.visibleProperty().bind(model.previewLoadingProperty().not().and(model.previewErrorProperty().isNull()));

        StackPane stack = new StackPane(table, spinner, error);
        StackPane.setAlignment(error, Pos.CENTER);
        VBox.setVgrow(stack, javafx.scene.layout.Priority.ALWAYS);
        footer.getStyleClass().addAll("preview-footer", "muted");
        footer.setId("previewFooter");
        getChildren().addAll(stack, footer);

        model.previewProperty().addListener((o, a, p) -> show(p));
        show(model.previewProperty().get());
    }

    TableView<List<Object>> table() {
        return table;
    }

    private void show(TablePreview preview) {
        table.getColumns().clear();
        if (preview == null) {
            table.setItems(FXCollections.observableArrayList());
            footer.setText("");
            return;
        }
        List<TableColumn<List<Object>, ?>> columns = new ArrayList<>();
        columns.add(rowNumberColumn());
        List<Column> cols = preview.columns();
        for (int i = 0; i < cols.size(); i++) {
            TableColumn<List<Object>, Object> c = dataColumn(cols.get(i), i);
            c.setPrefWidth(width(cols.get(i), i, preview.rows()));
            columns.add(c);
        }
        table.getColumns().setAll(columns);
        table.setItems(FXCollections.observableArrayList(preview.rows()));
        int shown = preview.rows().size();
        footer.setText(shown == 0 ? "The dataset has no rows."
                : shown >= preview.totalRows()
                ? "All " + Formats.count(preview.totalRows()) + " rows"
                : "First " + Formats.count(shown) + " of " + Formats.count(preview.totalRows()) + " rows");
    }

    private TableColumn<List<Object>, Object> rowNumberColumn() {
        TableColumn<List<Object>, Object> c = new TableColumn<>("#");
        c.getStyleClass().add("index-column");
        c.setSortable(false);
        c.setReorderable(false);
        c.setPrefWidth(52);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.count(getIndex() + 1L));
            }
        });
        return c;
    }

    private TableColumn<List<Object>, Object> dataColumn(Column column, int index) {
        TableColumn<List<Object>, Object> c = new TableColumn<>();
        Label name = new Label(column.name());
        name.getStyleClass().add("preview-header-name");
        Label type = new Label(Formats.type(column.type()).toLowerCase(Locale.ROOT));
        type.getStyleClass().add("preview-header-type");
        VBox header = new VBox(1, name, type);
        header.setAlignment(column.type().isNumeric() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        header.setMaxWidth(Double.MAX_VALUE);
        c.setGraphic(header);
        c.setId("preview-" + column.name());
        c.setSortable(false);
        c.setUserData(column);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(index < f.getValue().size() ? f.getValue().get(index) : null));
        boolean numeric = column.type().isNumeric();
        if (numeric) {
            c.getStyleClass().add("number-column");
        }
        c.setCellFactory(col -> new ValueCell(numeric));
        return c;
    }

    /**
     * A width that fits the header and the longest value shown, within bounds, so short columns
     * stay narrow and nothing common is cut off. Character counts are enough here: the values
     * are monospaced and the header is one short line.
     */
    static double width(Column column, int index, List<List<Object>> rows) {
        int longest = 0;
        for (List<Object> row : rows) {
            Object v = index < row.size() ? row.get(index) : null;
            longest = Math.max(longest, v == null ? 4 : ValueCell.text(v).length());
        }
        double header = 26 + 8.4 * column.name().length();
        double values = 24 + 7.4 * longest;
        return Math.clamp(Math.max(header, values), 72, 320);
    }

    /** A value as text; null as a dimmed "null", so an empty string and a missing value differ. */
    private static final class ValueCell extends TableCell<List<Object>, Object> {
        ValueCell(boolean numeric) {
            setAlignment(numeric ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("null-value");
            if (empty) {
                setText(null);
            } else if (item == null) {
                setText("null");
                getStyleClass().add("null-value");
            } else {
                setText(text(item));
            }
        }

        static String text(Object v) {
            if (v instanceof Double d) {
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : d.toString();
            }
            if (v instanceof Float f) {
                return f.toString();
            }
            return v.toString();
        }
    }
}
