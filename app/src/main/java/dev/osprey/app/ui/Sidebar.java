package dev.osprey.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The left column of a master/detail page: a title with a count, a loading spinner, a refresh
 * button and a list whose selection stays in step, both ways, with a view model's property.
 */
public final class Sidebar<T> extends VBox {
    private final ListView<T> list = new ListView<>();
    private boolean syncing;

    /**
     * @param selected the view model's selection; the list shows it and {@code select} is called
     *                 when the user picks another item
     */
    public Sidebar(String title, ObservableList<T> items, Callback<ListView<T>, ListCell<T>> cells,
                   ObservableValue<T> selected, java.util.function.Consumer<T> select,
                   ObservableBooleanValue loading, Runnable refresh, String refreshTip, String emptyText) {
        super(10);
        Label name = new Label(title);
        name.getStyleClass().add("pane-title");
        Label count = new Label();
        count.getStyleClass().add("count-badge");
        count.textProperty().bind(Bindings.size(items).asString());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small-spinner");
        spinner.visibleProperty().bind(loading);
        spinner.managedProperty().bind(spinner.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button reload = new Button(null, new FontIcon("mdi2r-refresh"));
        reload.getStyleClass().add("flat");
        reload.setTooltip(new Tooltip(refreshTip));
        reload.setOnAction(e -> refresh.run());
        HBox head = new HBox(8, name, count, gap, spinner, reload);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("sidebar-head");

        list.getStyleClass().add("side-list");
        list.setItems(items);
        list.setCellFactory(cells);
        Label none = new Label(emptyText);
        none.setWrapText(true);
        none.getStyleClass().add("empty-text");
        list.setPlaceholder(none);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!syncing && item != null) {
                select.accept(item);
            }
        });
        selected.addListener((o, a, item) -> {
            syncing = true;
            try {
                list.getSelectionModel().select(item);
            } finally {
                syncing = false;
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().setAll(head, list);
        getStyleClass().add("sidebar");
        setMinWidth(250);
    }

    /** This sidebar on the left of {@code main}, in the split every master/detail page uses. */
    public javafx.scene.control.SplitPane besideOf(javafx.scene.Node main) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(this, main);
        split.setDividerPositions(0.24);
        javafx.scene.control.SplitPane.setResizableWithParent(this, false);
        split.getStyleClass().add("page-split");
        return split;
    }

    public ListView<T> list() {
        return list;
    }

    /** The refresh button, for pages that give it an id. */
    public Button refreshButton() {
        return (Button) ((HBox) getChildren().getFirst()).getChildren().getLast();
    }
}
