package dev.osprey.app.data.grid;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.GridQuery.ColumnFilter;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.util.List;
import java.util.function.Consumer;

/**
 * The filter editor above the grid: a column, a kind (equals, between, contains, missing, not
 * missing) and the value(s). Apply hands a {@link ColumnFilter} to the grid; a value that does
 * not fit is reported in the bar and nothing changes.
 */
final class FilterBar extends HBox {
    static final List<String> KINDS = List.of("equals", "between", "contains", "is missing", "is not missing");

    private final ComboBox<String> column = new ComboBox<>();
    private final ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList(KINDS));
    private final TextField value = new TextField();
    private final TextField upTo = new TextField();
    private final Label problem = new Label();

    FilterBar(Consumer<ColumnFilter> apply) {
        setId("filterBar");
        getStyleClass().add("grid-bar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        column.setId("filterColumn");
        kind.setId("filterKind");
        value.setId("filterValue");
        upTo.setId("filterUpTo");
        value.setPromptText("value");
        upTo.setPromptText("up to");
        value.setPrefColumnCount(10);
        upTo.setPrefColumnCount(8);
        problem.getStyleClass().add("grid-problem");
        kind.valueProperty().addListener((o, a, k) -> {
            boolean needsValue = k != null && !k.startsWith("is ");
            value.setVisible(needsValue);
            value.setManaged(needsValue);
            boolean range = "between".equals(k);
            upTo.setVisible(range);
            upTo.setManaged(range);
            value.setPromptText(range ? "from" : "value");
        });
        kind.getSelectionModel().select("equals");
        Button ok = new Button("Apply filter");
        ok.setId("filterApply");
        ok.setDefaultButton(false);
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("flat");
        cancel.setOnAction(e -> hide());
        Runnable submit = () -> {
            try {
                apply.accept(filter());
                hide();
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
            }
        };
        ok.setOnAction(e -> submit.run());
        value.setOnAction(e -> submit.run());
        upTo.setOnAction(e -> submit.run());
        getChildren().addAll(new Label("Filter"), column, kind, value, upTo, ok, cancel, problem);
        hide();
    }

    void open(List<Column> columns, String preselect, String preKind, String preValue) {
        column.setItems(FXCollections.observableArrayList(columns.stream().map(Column::name).toList()));
        column.getSelectionModel().select(preselect != null ? preselect : columns.isEmpty() ? null : columns.getFirst().name());
        kind.getSelectionModel().select(preKind != null ? preKind : "equals");
        value.setText(preValue == null ? "" : preValue);
        upTo.clear();
        problem.setText("");
        setVisible(true);
        setManaged(true);
        value.requestFocus();
    }

    void hide() {
        setVisible(false);
        setManaged(false);
    }

    ColumnFilter filter() {
        String c = column.getValue();
        if (c == null) {
            throw new IllegalArgumentException("Choose a column to filter.");
        }
        String v = value.getText();
        return switch (kind.getValue()) {
            case "between" -> new ColumnFilter.Range(c, v.strip(), upTo.getText().strip());
            case "contains" -> new ColumnFilter.Contains(c, v);
            case "is missing" -> new ColumnFilter.Missing(c, true);
            case "is not missing" -> new ColumnFilter.Missing(c, false);
            default -> {
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("Type the value that '" + c + "' should equal.");
                }
                yield new ColumnFilter.Equals(c, v);
            }
        };
    }
}
