package dev.osprey.app.data.grid;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.GridQuery;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The data grid: a virtualised table over {@link GridModel}'s rows (items are row numbers;
 * cells read their row from the page cache and show "…" until it arrives), headers with each
 * column's summary, a bar of the active sort and filters, the filter editor, find (Ctrl+F,
 * Enter / Shift+Enter for next / previous) and a column's profile over the grid.
 */
public final class DataGrid extends VBox {
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final double ROW_HEIGHT = 26;

    private final GridModel model;
    private final TableView<Long> table = new TableView<>();
    private final RowWindow window = new RowWindow(table);
    private final FlowPane chips = new FlowPane(6, 4);
    private final HBox top;
    private final Label status = new Label();
    private final FilterBar filterBar;
    private final HBox findBar = new HBox(6);
    private final TextField findField = new TextField();
    private final ColumnProfile profile;
    private final List<ColumnHeader> headers = new ArrayList<>();
    private Function<String, List<MenuItem>> columnActions = c -> List.of();

    public DataGrid(GridModel model) {
        this.model = model;
        getStyleClass().add("data-grid");
        setId("dataGrid");
        table.setId("gridTable");
        table.getStyleClass().add("grid-table");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setEditable(false);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label("No rows.");
        table.setPlaceholder(empty);

        filterBar = new FilterBar(model::addFilter);
        profile = new ColumnProfile(this::closeProfile);
        profile.setVisible(false);

        status.setId("gridStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        Button filter = new Button("Filter\u2026");
        filter.setId("gridFilterButton");
        filter.getStyleClass().add("flat");
        filter.setOnAction(e -> openFilter(null, null, null));
        Button find = new Button("Find");
        find.setId("gridFindButton");
        find.getStyleClass().add("flat");
        find.setOnAction(e -> openFind());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        chips.setId("gridChips");
        HBox.setHgrow(chips, Priority.ALWAYS);
        for (Region r : List.of(filter, find, status)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        chips.setMinWidth(0);
        top = new HBox(8, chips, gap, status, filter, find);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("grid-bar");

        buildFindBar();

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(28, 28);
        Label busyText = new Label();
        busyText.textProperty().bind(model.busyProperty());
        HBox busy = new HBox(8, spinner, busyText);
        busy.setId("gridBusy");
        busy.getStyleClass().add("grid-busy");
        busy.setAlignment(Pos.CENTER);
        busy.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        busy.visibleProperty().bind(model.busyProperty().isNotNull());
        busy.setMouseTransparent(true);
        Label error = new Label();
        error.setId("gridError");
        error.getStyleClass().add("grid-problem");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox tableAndBar = new HBox(table, window.bar());
        StackPane stack = new StackPane(tableAndBar, busy, profile);
        StackPane.setAlignment(profile, Pos.TOP_RIGHT);
        StackPane.setAlignment(busy, Pos.TOP_CENTER);
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().addAll(top, filterBar, findBar, error, stack);
        error.managedProperty().bind(error.visibleProperty());

        model.columns().addListener((ListChangeListener<Column>) c -> rebuildColumns());
        model.rowsProperty().addListener((o, a, rows) -> {
            window.setRows(rows.size());
            // The items of the new rows are the same numbers as before, and a cell whose item did not
            // change is not updated: make every cell read its row again.
            table.refresh();
        });
        model.summaries().addListener((MapChangeListener<String, Object>) c -> refreshHeaders());
        model.queryProperty().addListener(o -> {
            refreshHeaders();
            refreshChips();
        });
        model.selectedColumns().addListener((ListChangeListener<String>) c -> refreshHeaders());
        model.foundProperty().addListener((o, a, row) -> reveal(row.longValue()));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                openFind();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && profile.isVisible()) {
                closeProfile();
                e.consume();
            }
        });
        rebuildColumns();
    }

    /** Extra items for a column's context menu (the recipe's "Fill missing…", "One-hot encode", ...). */
    public void setColumnActions(Function<String, List<MenuItem>> actions) {
        this.columnActions = actions;
        rebuildColumns();
    }

    /** Adds a control at the end of the grid's top bar (the Data page's "Quality report"). */
    public void addToBar(Region node) {
        node.setMinWidth(Region.USE_PREF_SIZE);
        top.getChildren().add(node);
    }

    public TableView<Long> table() {
        return table;
    }

    public GridModel model() {
        return model;
    }

    /** Opens the filter editor, optionally on a column with a kind and value chosen. */
    public void openFilter(String column, String kind, String value) {
        filterBar.open(model.columns(), column, kind, value);
    }

    /** Shows {@code column}'s profile over the grid. */
    public void openProfile(String column) {
        profile.show(column, model.summaries().get(column));
        profile.setVisible(true);
    }

    void closeProfile() {
        profile.setVisible(false);
    }

    boolean profileShown() {
        return profile.isVisible();
    }

    private void openFind() {
        findBar.setVisible(true);
        findBar.setManaged(true);
        findField.requestFocus();
        findField.selectAll();
    }

    private void buildFindBar() {
        findBar.setId("findBar");
        findBar.getStyleClass().add("grid-bar");
        findBar.setAlignment(Pos.CENTER_LEFT);
        findField.setId("findField");
        findField.setPromptText("Find in all columns");
        findField.setPrefColumnCount(18);
        Button prev = new Button("\u2191");
        prev.setId("findPrev");
        Button next = new Button("\u2193");
        next.setId("findNext");
        Button close = new Button("\u00d7");
        close.getStyleClass().add("flat");
        prev.setOnAction(e -> model.find(findField.getText(), false));
        next.setOnAction(e -> model.find(findField.getText(), true));
        findField.textProperty().addListener((o, a, b) -> model.clearFind());
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.find(findField.getText(), !e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hideFind();
                e.consume();
            }
        });
        close.setOnAction(e -> hideFind());
        findBar.getChildren().addAll(new Label("Find"), findField, prev, next, close);
        findBar.setVisible(false);
        findBar.setManaged(false);
    }

    private void hideFind() {
        findBar.setVisible(false);
        findBar.setManaged(false);
        model.clearFind();
        table.refresh();
        table.requestFocus();
    }

    /** Scrolls so that row {@code row} (of the whole table) is the first on screen. */
    public void scrollTo(long row) {
        window.scrollTo(row);
    }

    private void reveal(long row) {
        if (window.indexOf(row) < 0) {
            return;
        }
        window.scrollTo(Math.max(0, row - 3));
        int r = window.indexOf(row);
        table.getSelectionModel().clearAndSelect(r, table.getColumns().size() > 1 ? table.getColumns().get(1) : null);
        table.refresh();
    }

    // --- columns -----------------------------------------------------------------------------------

    private void rebuildColumns() {
        headers.clear();
        List<TableColumn<Long, ?>> cols = new ArrayList<>();
        TableColumn<Long, Long> number = new TableColumn<>("#");
        number.setId("grid-rownumber");
        number.getStyleClass().add("index-column");
        number.setSortable(false);
        number.setReorderable(false);
        number.setPrefWidth(84);
        number.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        number.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : GridFormats.count(item + 1));
            }
        });
        cols.add(number);
        List<Column> columns = model.columns();
        for (int i = 0; i < columns.size(); i++) {
            cols.add(dataColumn(columns.get(i), i));
        }
        table.getColumns().setAll(cols);
        // Rows built for the old columns may keep stale (blank) cells for the new ones: rebuild them.
        table.refresh();
        refreshHeaders();
    }

    private TableColumn<Long, Long> dataColumn(Column column, int index) {
        TableColumn<Long, Long> c = new TableColumn<>();
        ColumnHeader header = new ColumnHeader(column);
        headers.add(header);
        c.setGraphic(header);
        c.setId("grid-" + column.name());
        c.setUserData(column);
        c.setSortable(false);
        c.setReorderable(false);
        c.setPrefWidth(ColumnHeader.width(column));
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        boolean numeric = column.type().isNumeric();
        c.setCellFactory(col -> new GridCell(model, index, numeric));
        header.nameRow().setOnMouseClicked(e -> {
            if (e.isShortcutDown()) {
                model.toggleSelected(column.name());
            } else {
                model.sortBy(column.name(), e.isShiftDown());
            }
            e.consume();
        });
        header.chart().setOnMouseClicked(e -> {
            openProfile(column.name());
            e.consume();
        });
        c.setContextMenu(menu(column));
        return c;
    }

    private ContextMenu menu(Column column) {
        String name = column.name();
        MenuItem asc = item("Sort ascending", "sortAsc", () -> model.sortBy(name, false, false));
        MenuItem desc = item("Sort descending", "sortDesc", () -> model.sortBy(name, true, false));
        MenuItem clear = item("Clear sort", "sortClear", model::clearSort);
        MenuItem filter = item("Filter\u2026", "filterColumn", () -> openFilter(name, null, null));
        MenuItem missing = item("Show only missing", "filterMissing", () -> model.addFilter(
                new GridQuery.ColumnFilter.Missing(name, true)));
        MenuItem present = item("Hide missing", "filterPresent", () -> model.addFilter(
                new GridQuery.ColumnFilter.Missing(name, false)));
        MenuItem prof = item("Profile", "profile", () -> openProfile(name));
        MenuItem select = item("Select for action (Ctrl+click)", "select", () -> model.toggleSelected(name));
        ContextMenu menu = new ContextMenu(asc, desc, clear, new SeparatorMenuItem(), filter, missing, present,
                new SeparatorMenuItem(), prof, select);
        menu.setOnShowing(e -> {
            menu.getItems().removeIf(i -> "recipe".equals(i.getUserData()));
            List<MenuItem> extra = columnActions.apply(name);
            if (!extra.isEmpty()) {
                SeparatorMenuItem sep = new SeparatorMenuItem();
                sep.setUserData("recipe");
                menu.getItems().add(sep);
                for (MenuItem m : extra) {
                    m.setUserData("recipe");
                    menu.getItems().add(m);
                }
            }
        });
        return menu;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId("grid-menu-" + id);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void refreshHeaders() {
        List<Column> columns = model.columns();
        for (int i = 0; i < headers.size() && i < columns.size(); i++) {
            String name = columns.get(i).name();
            headers.get(i).show(model.summaries().get(name), model.query(), model.selectedColumns().contains(name));
        }
        if (profile.isVisible() && profile.column() != null) {
            profile.show(profile.column(), model.summaries().get(profile.column()));
        }
    }

    private void refreshChips() {
        chips.getChildren().clear();
        GridQuery q = model.query();
        if (!q.sort().isEmpty()) {
            StringBuilder sb = new StringBuilder("Sorted by ");
            for (int i = 0; i < q.sort().size(); i++) {
                var k = q.sort().get(i);
                sb.append(i == 0 ? "" : ", ").append(k.column()).append(k.descending() ? " \u2193" : " \u2191");
            }
            chips.getChildren().add(chip(sb.toString(), "sortChip", model::clearSort));
        }
        for (GridQuery.ColumnFilter f : q.filters()) {
            chips.getChildren().add(chip(f.label(), "filterChip", () -> model.removeFilter(f)));
        }
    }

    private static HBox chip(String text, String id, Runnable remove) {
        Label l = new Label(text);
        Button x = new Button("\u00d7");
        x.getStyleClass().addAll("flat", "chip-close");
        x.setOnAction(e -> remove.run());
        HBox box = new HBox(2, l, x);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("grid-chip");
        box.setId(id);
        return box;
    }
}
