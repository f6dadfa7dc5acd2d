package dev.osprey.app.notebook;

import dev.osprey.app.shell.Page;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The Notebooks page: the workspace's notebooks on the left (with New), the open notebooks in
 * tabs on the right, each with its own kernel. Layout and wiring only; the state is {@link NotebooksViewModel}'s.
 */
public final class NotebookView implements Page {
    private final NotebooksViewModel model;
    private final Executor ui;
    /** Syntax colouring of every cell runs here, off the FX thread. */
    private final Executor highlighter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "osprey-notebook-highlight");
        t.setDaemon(true);
        return t;
    });
    private final StackPane root = new StackPane();
    private final ListView<Path> list = new ListView<>();
    private final StackPane editorHost = new StackPane();
    private final TabPane tabs = new TabPane();
    private final Map<NotebookViewModel, Tab> tabOf = new HashMap<>();
    private boolean syncing;

    public NotebookView(NotebooksViewModel model, Executor uiExecutor) {
        this.model = Objects.requireNonNull(model);
        this.ui = Objects.requireNonNull(uiExecutor);
        root.setId("notebookPage");
        root.getStyleClass().add("notebook-page");
        String theme = Application.getUserAgentStylesheet();
        if (theme == null || !theme.contains("atlantafx")) {
            root.getStylesheets().add(stylesheet("notebook-colors.css"));
        }
        root.getStylesheets().add(stylesheet("notebook.css"));
        SplitPane split = new SplitPane(sidebar(), editorHost);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        root.getChildren().add(split);
        editorHost.getStyleClass().add("nb-editor-host");
        tabs.setId("notebookTabs");
        tabs.getStyleClass().add("nb-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        model.openNotebooks().addListener((ListChangeListener<NotebookViewModel>) c -> syncTabs());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (!syncing && tab != null) {
                model.selectedProperty().set(notebookOf(tab));
            }
        });
        model.selectedProperty().subscribe(this::show);
        // another program may have changed the file while the studio was in the background
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::focusedProperty).subscribe(focused -> {
            NotebookViewModel nb = model.open();
            if (Boolean.TRUE.equals(focused) && nb != null) {
                nb.checkDisk();
            }
        });
        syncTabs();
    }

    private static String stylesheet(String name) {
        return Objects.requireNonNull(NotebookView.class.getResource(name), name).toExternalForm();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    private Node sidebar() {
        Label title = new Label("Notebooks");
        title.getStyleClass().add("nb-side-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button create = new Button("New", new FontIcon(MaterialDesignP.PLUS));
        create.setId("newNotebookButton");
        create.getStyleClass().add("accent");
        create.setTooltip(new Tooltip("Create a notebook in the workspace's notebooks folder"));
        create.setOnAction(e -> model.newNotebook());
        HBox head = new HBox(8, title, spacer, create);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("nb-side-head");

        list.setId("notebookList");
        list.setItems(model.notebooks());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
                setGraphic(empty || item == null ? null : new FontIcon(MaterialDesignN.NOTEBOOK_OUTLINE));
                setPrefWidth(0); // long names end in an ellipsis instead of a horizontal scroll bar
                setTooltip(empty || item == null ? null : new Tooltip(item.toString()));
            }
        });
        Label placeholder = new Label("No notebooks yet.\nNew creates one.");
        placeholder.getStyleClass().add("nb-muted");
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, path) -> {
            if (!syncing && path != null) {
                model.openFile(path);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label error = new Label();
        error.getStyleClass().add("nb-side-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        VBox side = new VBox(8, head, list, error);
        side.getStyleClass().add("nb-sidebar");
        side.setMinWidth(180);
        return side;
    }

    private void syncTabs() {
        syncing = true;
        try {
            List<Tab> wanted = new ArrayList<>();
            for (NotebookViewModel nb : model.openNotebooks()) {
                wanted.add(tabOf.computeIfAbsent(nb, this::newTab));
            }
            tabOf.keySet().retainAll(model.openNotebooks());
            tabs.getTabs().setAll(wanted);
        } finally {
            syncing = false;
        }
        show(model.open());
    }

    private Tab newTab(NotebookViewModel nb) {
        NotebookEditor editor = new NotebookEditor(nb, highlighter, ui);
        Tab tab = new Tab();
        tab.setContent(editor);
        tab.setUserData(nb);
        tab.textProperty().bind(Bindings.createStringBinding(() -> nb.title() + (nb.dirtyProperty().get() ? " •" : ""),
                nb.fileProperty(), nb.dirtyProperty()));
        tab.setTooltip(new Tooltip(nb.file().toString()));
        tab.setOnCloseRequest(e -> {
            e.consume(); // the model's list removes the tab, after the question if there is one
            tabs.getSelectionModel().select(tab);
            if (nb.dirtyProperty().get()) {
                editor.askBeforeClosing(() -> model.close(nb), () -> model.closeDiscarding(nb));
            } else {
                model.close(nb);
            }
        });
        return tab;
    }

    private static NotebookViewModel notebookOf(Tab tab) {
        return (NotebookViewModel) tab.getUserData();
    }

    private void show(NotebookViewModel nb) {
        syncing = true;
        try {
            if (nb == null) {
                list.getSelectionModel().clearSelection();
                Label empty = new Label("Open a notebook on the left, or create one with New.");
                empty.getStyleClass().add("nb-muted");
                editorHost.getChildren().setAll(empty);
                return;
            }
            list.getSelectionModel().select(nb.file());
            Tab tab = tabOf.get(nb);
            if (tab == null) {
                return; // its tab comes with the list change
            }
            if (editorHost.getChildren().size() != 1 || editorHost.getChildren().getFirst() != tabs) {
                editorHost.getChildren().setAll(tabs);
            }
            tabs.getSelectionModel().select(tab);
            nb.checkDisk();
            NotebookEditor editor = (NotebookEditor) tab.getContent();
            ui.execute(editor::focusSelected);
        } finally {
            syncing = false;
        }
    }
}
