package dev.osprey.app.data;

import dev.osprey.app.shell.Page;
import dev.osprey.core.data.Dataset;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.Objects;

/**
 * The Data page: the workspace's datasets on the left (search, import, delete), the selected
 * dataset on the right (header, Schema and Preview tabs), the import sheet over both, and a drop
 * target for files. Only layout and wiring live here; the state is {@link DataViewModel}'s.
 */
public final class DataView implements Page {
    static final KeyCombination IMPORT = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private final DataViewModel model;
    private final StackPane root = new StackPane();
    private final ListView<Dataset> list = new ListView<>();
    private final TextField search = new TextField();
    private final TabPane tabs = new TabPane();
    private final SchemaTable schemaTable;
    private final PreviewGrid previewGrid;
    private final GridTab gridTab;
    private boolean syncing;

    public DataView(DataViewModel model) {
        this.model = Objects.requireNonNull(model);
        this.schemaTable = new SchemaTable(model);
        this.previewGrid = new PreviewGrid(model);
        this.gridTab = new GridTab(model);
        root.getStyleClass().add("data-page");
        root.setId("dataPage");
        String theme = Application.getUserAgentStylesheet();
        if (theme == null || !theme.contains("atlantafx")) {
            root.getStylesheets().add(stylesheet("data-colors.css"));
        }
        root.getStylesheets().add(stylesheet("data.css"));

        SplitPane split = new SplitPane(sidebar(), detail());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        split.getStyleClass().add("data-split");

        root.getChildren().addAll(split, new DropTarget(model.imports()), new ImportSheet(model.imports()));
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        bindSelection();
    }

    private static String stylesheet(String name) {
        return Objects.requireNonNull(DataView.class.getResource(name), name).toExternalForm();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.refresh();
        // Page shortcuts (Ctrl+I, Delete, Ctrl+F) act where the focus is; start it in the page.
        if (root.getScene() != null && root.getScene().getFocusOwner() != search) {
            list.requestFocus();
        }
    }

    DataViewModel model() {
        return model;
    }

    // --- left: the list --------------------------------------------------------------------------

    private Node sidebar() {
        Label title = new Label("Datasets");
        title.getStyleClass().add("pane-title");
        Label count = new Label();
        count.getStyleClass().add("count-badge");
        count.textProperty().bind(Bindings.size(model.datasets()).asString());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button("Import…", new FontIcon(MaterialDesignD.DATABASE_IMPORT_OUTLINE));
        importButton.setId("importButton");
        importButton.getStyleClass().add("accent");
        importButton.setTooltip(new Tooltip("Import a CSV, TSV, Parquet, JSON or ARFF file (Ctrl+I)"));
        importButton.disableProperty().bind(model.workspaceOpenProperty().not());
        importButton.setOnAction(e -> model.imports().chooseFile());
        HBox head = new HBox(8, title, count, spacer, importButton);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("sidebar-head");

        search.setId("datasetSearch");
        search.setPromptText("Search datasets (Ctrl+F)");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        FontIcon glass = new FontIcon(MaterialDesignM.MAGNIFY);
        glass.getStyleClass().add("search-icon");
        StackPane searchBox = new StackPane(search, glass);
        StackPane.setAlignment(glass, Pos.CENTER_LEFT);
        glass.setMouseTransparent(true);
        searchBox.getStyleClass().add("search-box");

        list.setId("datasetList");
        list.getStyleClass().add("dataset-list");
        list.setItems(model.visibleDatasets());
        list.setCellFactory(l -> new DatasetListCell());
        list.setPlaceholder(listPlaceholder());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE && e.isShortcutDown()) {
                model.deleteSelected();
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button delete = new Button("Delete", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("deleteButton");
        delete.getStyleClass().add("flat");
        delete.setTooltip(new Tooltip("Delete the selected dataset (Delete)"));
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.setOnAction(e -> model.deleteSelected());
        Button refresh = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("refreshButton");
        refresh.getStyleClass().add("flat");
        refresh.setTooltip(new Tooltip("Read the list again (F5)"));
        refresh.disableProperty().bind(model.workspaceOpenProperty().not());
        refresh.setOnAction(e -> model.refresh());
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("small-spinner");
        loading.visibleProperty().bind(model.listLoadingProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox foot = new HBox(6, delete, gap, loading, refresh);
        foot.setAlignment(Pos.CENTER_LEFT);
        foot.getStyleClass().add("sidebar-foot");

        VBox side = new VBox(head, searchBox, new RunningImportsBox(model.imports()), list, foot);
        side.getStyleClass().add("sidebar");
        side.setMinWidth(260);
        return side;
    }

    private Node listPlaceholder() {
        FontIcon icon = new FontIcon(MaterialDesignT.TABLE_LARGE);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label();
        title.getStyleClass().add("empty-title");
        title.setId("listEmptyTitle");
        Label text = new Label();
        text.getStyleClass().add("empty-text");
        text.setWrapText(true);
        Runnable update = () -> {
            String problem = model.listErrorProperty().get();
            if (!model.workspaceOpenProperty().get()) {
                title.setText("No workspace open");
                text.setText("Open or create a workspace to see its datasets.");
            } else if (problem != null) {
                title.setText("Cannot read the datasets");
                text.setText(problem);
            } else if (!model.datasets().isEmpty()) {
                title.setText("No match");
                text.setText("No dataset matches \u201c" + model.searchProperty().get().strip() + "\u201d.");
            } else {
                title.setText("No datasets yet");
                text.setText("Import a CSV, TSV, Parquet, JSON or ARFF file with Import… (Ctrl+I), or drop one here.");
            }
        };
        model.workspaceOpenProperty().addListener(o -> update.run());
        model.listErrorProperty().addListener(o -> update.run());
        model.datasets().addListener((javafx.beans.Observable o) -> update.run());
        model.searchProperty().addListener(o -> update.run());
        update.run();
        VBox box = new VBox(8, icon, title, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    // --- right: the selected dataset -------------------------------------------------------------

    private Node detail() {
        DatasetHeader header = new DatasetHeader();
        model.selectedProperty().addListener((o, a, d) -> header.show(d));

        Tab schemaTab = new Tab("Schema", schemaTable);
        schemaTab.setId("schemaTab");
        schemaTab.setGraphic(new FontIcon(MaterialDesignT.TABLE_COLUMN));
        Tab previewTab = new Tab("Preview", previewGrid);
        previewTab.setId("previewTab");
        previewTab.setGraphic(new FontIcon(MaterialDesignT.TABLE));
        tabs.getTabs().addAll(schemaTab, previewTab, gridTab);
        // Only a quality report tab closes; the dataset's own tabs stay.
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        schemaTab.setClosable(false);
        previewTab.setClosable(false);
        gridTab.setClosable(false);
        tabs.getStyleClass().add("detail-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(header, tabs);
        content.getStyleClass().add("detail");
        content.visibleProperty().bind(model.selectedProperty().isNotNull());

        FontIcon icon = new FontIcon(MaterialDesignF.FILE_TABLE_OUTLINE);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label("No dataset selected");
        title.getStyleClass().add("empty-title");
        Label text = new Label();
        text.getStyleClass().add("empty-text");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.when(Bindings.isEmpty(model.datasets()))
                .then("Imported datasets show their columns and first rows here.")
                .otherwise("Select a dataset on the left to see its columns and first rows."));
        VBox empty = new VBox(8, icon, title, text);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(content.visibleProperty().not());

        StackPane pane = new StackPane(empty, content);
        pane.getStyleClass().add("detail-pane");
        return pane;
    }

    // --- wiring ----------------------------------------------------------------------------------

    private void bindSelection() {
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (syncing) {
                return;
            }
            // The list loses its selection when the search hides the dataset or the list is re-read;
            // the page keeps showing it while it exists.
            if (d == null && model.selected() != null && model.contains(model.selected().id())) {
                return;
            }
            if (!model.select(d)) {
                // The user kept unsaved schema edits: put the list back on the edited dataset.
                Dataset kept = model.selected();
                syncing = true;
                try {
                    list.getSelectionModel().select(kept);
                } finally {
                    syncing = false;
                }
            }
        });
        model.selectedProperty().addListener((o, a, d) -> {
            syncing = true;
            try {
                if (d == null) {
                    list.getSelectionModel().clearSelection();
                } else if (list.getSelectionModel().getSelectedItem() != d) {
                    list.getSelectionModel().select(d);
                    list.scrollTo(d);
                }
            } finally {
                syncing = false;
            }
        });
    }

    private void onKey(KeyEvent e) {
        if (IMPORT.match(e) || OPEN.match(e)) {
            model.imports().chooseFile();
        } else if (FIND.match(e)) {
            search.requestFocus();
            search.selectAll();
        } else if (REFRESH.match(e)) {
            model.refresh();
            model.reloadPreview();
        } else {
            return;
        }
        e.consume();
    }

    /** For tests and the shell: the page's parts, by role. */
    ListView<Dataset> list() {
        return list;
    }

    TabPane tabs() {
        return tabs;
    }

    SchemaTable schemaTable() {
        return schemaTable;
    }

    PreviewGrid previewGrid() {
        return previewGrid;
    }

    GridTab gridTab() {
        return gridTab;
    }
}
