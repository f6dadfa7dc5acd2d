package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.VariableInfo;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.function.Function;

/** The kernel's variables beside the cells: name, type and a short value, refreshed after each cell. */
final class VariablesPanel extends VBox {
    VariablesPanel(KernelHelp help) {
        getStyleClass().add("nb-variables");
        setId("variablesPanel");
        Label title = new Label("Variables");
        title.getStyleClass().add("nb-variables-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        refresh.setTooltip(new Tooltip("Read the kernel's variables again"));
        refresh.getStyleClass().add("flat");
        refresh.setFocusTraversable(false);
        refresh.setOnAction(e -> help.refreshVariables());
        HBox head = new HBox(6, title, spacer, refresh);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<VariableInfo> table = new TableView<>(help.variables());
        table.setId("variablesTable");
        table.getColumns().add(column("Name", VariableInfo::name, 80));
        table.getColumns().add(column("Type", VariableInfo::type, 80));
        table.getColumns().add(column("Value", VariableInfo::summary, 140));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No variables yet: run a cell.");
        empty.getStyleClass().add("nb-muted");
        table.setPlaceholder(empty);
        table.setFocusTraversable(false);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(head, table);
        setSpacing(6);
        setMinWidth(200);
        setPrefWidth(300);
    }

    private static TableColumn<VariableInfo, String> column(String name, Function<VariableInfo, String> value, double width) {
        TableColumn<VariableInfo, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(true);
        return c;
    }
}
