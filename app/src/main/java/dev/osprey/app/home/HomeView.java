package dev.osprey.app.home;

import atlantafx.base.theme.Styles;
import dev.osprey.app.shell.Page;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The Home page: what is in the open workspace (datasets, notebooks, models, runs) and the way
 * to other workspaces (open, new, recent). Like a launcher: every line leads somewhere.
 */
public final class HomeView implements Page {
    private final HomeViewModel vm;
    private final ScrollPane root;

    public HomeView(HomeViewModel viewModel) {
        this.vm = viewModel;
        Node datasets = datasetsCard();
        Node notebooks = notebooksCard();
        Node models = modelsCard();
        Node runs = runsCard();
        GridPane cards = grid(20, datasets, notebooks, models, runs);
        cards.visibleProperty().bind(vm.workspaceOpenProperty());
        cards.managedProperty().bind(vm.workspaceOpenProperty());
        Node welcome = welcomeCard();
        welcome.visibleProperty().bind(vm.workspaceOpenProperty().not());
        welcome.managedProperty().bind(welcome.visibleProperty());
        VBox mainColumn = new VBox(cards, welcome);

        // Without a workspace the welcome card carries these buttons; two sets would compete.
        Node start = startCard();
        start.visibleProperty().bind(vm.workspaceOpenProperty());
        start.managedProperty().bind(start.visibleProperty());
        VBox side = new VBox(20, start, recentCard());
        side.setMinWidth(280);
        side.setPrefWidth(300);
        side.setMaxWidth(Double.MAX_VALUE);
        GridPane columns = grid(24, mainColumn, side);
        columns.getColumnConstraints().setAll(percent(100));

        VBox page = new VBox(24, header(), errorLine(), columns);
        page.getStyleClass().add("home-page");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("home-page");
        root.getStyleClass().add("page-scroll");

        // Two columns when there is room, one when the job center or a small window squeezes the page.
        root.viewportBoundsProperty().addListener((o, a, b) -> {
            double w = b.getWidth();
            arrangeColumns(columns, mainColumn, side, w >= 900);
            arrangeCards(cards, datasets, notebooks, models, runs, (w >= 900 ? w - 64 - 24 - 300 : w - 64) >= 620);
        });
        arrangeColumns(columns, mainColumn, side, true);
        arrangeCards(cards, datasets, notebooks, models, runs, true);
    }

    private static void arrangeColumns(GridPane grid, Node main, Node side, boolean wide) {
        if (wide) {
            GridPane.setConstraints(main, 0, 0);
            GridPane.setConstraints(side, 1, 0);
            grid.getColumnConstraints().setAll(percent(-1), fixed(300));
        } else {
            GridPane.setConstraints(main, 0, 0);
            GridPane.setConstraints(side, 0, 1);
            grid.getColumnConstraints().setAll(percent(100));
        }
    }

    private static void arrangeCards(GridPane grid, Node datasets, Node notebooks, Node models, Node runs, boolean wide) {
        if (wide) {
            GridPane.setConstraints(datasets, 0, 0, 2, 1);
            GridPane.setConstraints(notebooks, 0, 1, 1, 1);
            GridPane.setConstraints(models, 1, 1, 1, 1);
            GridPane.setConstraints(runs, 0, 2, 2, 1);
            grid.getColumnConstraints().setAll(percent(50), percent(50));
        } else {
            GridPane.setConstraints(datasets, 0, 0, 1, 1);
            GridPane.setConstraints(notebooks, 0, 1, 1, 1);
            GridPane.setConstraints(models, 0, 2, 1, 1);
            GridPane.setConstraints(runs, 0, 3, 1, 1);
            grid.getColumnConstraints().setAll(percent(100));
        }
    }

    private static GridPane grid(double gap, Node... children) {
        GridPane grid = new GridPane();
        grid.setHgap(gap);
        grid.setVgap(gap);
        for (Node n : children) {
            GridPane.setFillWidth(n, true);
            GridPane.setFillHeight(n, true);
            GridPane.setValignment(n, javafx.geometry.VPos.TOP);
            if (n instanceof Region r) {
                r.setMaxWidth(Double.MAX_VALUE);
            }
            grid.getChildren().add(n);
        }
        return grid;
    }

    /** A column taking {@code p} percent, or (negative) whatever is left. */
    private static ColumnConstraints percent(double p) {
        ColumnConstraints c = new ColumnConstraints();
        if (p > 0) {
            c.setPercentWidth(p);
        }
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(0);
        c.setFillWidth(true);
        return c;
    }

    private static ColumnConstraints fixed(double w) {
        ColumnConstraints c = new ColumnConstraints(w);
        c.setHgrow(Priority.NEVER);
        return c;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        vm.refresh();
    }

    private Node header() {
        Label name = new Label();
        name.setId("home-workspace-name");
        name.textProperty().bind(vm.workspaceNameProperty());
        name.getStyleClass().add(Styles.TITLE_1);
        FontIcon folder = new FontIcon("mdi2f-folder-outline");
        Label path = new Label(null, folder);
        path.setId("home-workspace-path");
        path.textProperty().bind(vm.workspacePathProperty());
        path.getStyleClass().addAll(Styles.TEXT_MUTED, "home-path");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.loadingProperty().or(vm.busyProperty()));
        HBox title = new HBox(12, name, spinner);
        title.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, caption("WORKSPACE"), title, path);
        box.getStyleClass().add("home-header");
        return box;
    }

    private Node errorLine() {
        Label error = new Label(null, new FontIcon("mdi2a-alert-circle"));
        error.textProperty().bind(vm.loadErrorProperty());
        error.getStyleClass().addAll(Styles.DANGER, "home-error");
        error.setWrapText(true);
        error.visibleProperty().bind(vm.loadErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Node datasetsCard() {
        VBox rows = new VBox();
        rows.setId("home-datasets");
        rows.getStyleClass().add("item-list");
        Hyperlink gotoData = new Hyperlink("Open the Data page");
        gotoData.setOnAction(e -> vm.openDataPage());
        Node empty = emptyState("No datasets yet. Import a CSV, Parquet or JSON file on the Data page.", gotoData);
        fill(rows, vm.datasets(), empty, d -> item("mdi2t-table", d.name(), d.summary(), () -> vm.openDataset(d),
                "Open " + d.name() + " on the Data page"));
        return card("mdi2d-database-outline", "Datasets", vm.datasets(), rows);
    }

    private Node notebooksCard() {
        VBox rows = new VBox();
        rows.setId("home-notebooks");
        rows.getStyleClass().add("item-list");
        Node empty = emptyState("No notebooks yet. Notebooks (.ipynb) in the workspace's notebooks folder are listed here.", null);
        fill(rows, vm.notebooks(), empty, f -> item("mdi2n-notebook-outline", f.name(), f.detail(), () -> vm.openNotebook(f),
                "Open " + f.path() + " on the Notebooks page"));
        return card("mdi2n-notebook-outline", "Notebooks", vm.notebooks(), rows);
    }

    private Node modelsCard() {
        VBox rows = new VBox();
        rows.setId("home-models");
        rows.getStyleClass().add("item-list");
        Node empty = emptyState("No models yet. Models you train and register appear here.", null);
        fill(rows, vm.models(), empty, f -> item("mdi2c-cube-outline", f.name(), f.detail(), () -> vm.openModel(f),
                "Show " + f.name() + " on the Models page"));
        return card("mdi2c-cube-outline", "Models", vm.models(), rows);
    }

    private Node runsCard() {
        VBox rows = new VBox();
        rows.setId("home-runs");
        rows.getStyleClass().add("item-list");
        Node empty = emptyState("No runs yet. Training and tuning runs will be listed here with their metrics.", null);
        fill(rows, vm.runs(), empty, r -> {
            Node n = item(runIcon(r.status()), r.title(), r.detail(), () -> vm.openRun(r), "Show this run on the Experiments page");
            n.getStyleClass().add("run-" + r.status().name().toLowerCase(java.util.Locale.ROOT));
            return n;
        });
        return card("mdi2c-chart-line", "Recent runs", null, rows);
    }

    private static String runIcon(dev.osprey.core.experiment.RunStatus status) {
        return switch (status) {
            case RUNNING -> "mdi2p-progress-clock";
            case FINISHED -> "mdi2c-check-circle-outline";
            case FAILED -> "mdi2a-alert-circle-outline";
            case CANCELLED -> "mdi2c-cancel";
        };
    }

    private Node welcomeCard() {
        FontIcon mark = new FontIcon("mdi2b-bird");
        mark.getStyleClass().add("welcome-icon");
        Label title = new Label("Welcome to Osprey");
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label("A workspace is a folder that keeps a project together: its datasets, notebooks, "
                + "models and runs. Create a new one, or open a folder you used before.");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        Button create = new Button("New workspace…", new FontIcon("mdi2f-folder-plus-outline"));
        create.setId("home-welcome-new");
        create.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        create.setOnAction(e -> vm.newWorkspace());
        Button open = new Button("Open workspace…", new FontIcon("mdi2f-folder-open-outline"));
        open.setId("home-welcome-open");
        open.getStyleClass().add(Styles.LARGE);
        open.setOnAction(e -> vm.openWorkspace());
        create.disableProperty().bind(vm.busyProperty());
        open.disableProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(12, create, open);
        VBox card = new VBox(14, mark, title, text, buttons);
        card.setId("home-welcome");
        card.getStyleClass().addAll("card", "welcome-card");
        return card;
    }

    private Node startCard() {
        Button open = new Button("Open workspace…", new FontIcon("mdi2f-folder-open-outline"));
        open.setId("home-open-workspace");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> vm.openWorkspace());
        Button create = new Button("New workspace…", new FontIcon("mdi2f-folder-plus-outline"));
        create.setId("home-new-workspace");
        create.getStyleClass().add(Styles.ACCENT);
        create.setMaxWidth(Double.MAX_VALUE);
        create.setOnAction(e -> vm.newWorkspace());
        open.disableProperty().bind(vm.busyProperty());
        create.disableProperty().bind(vm.busyProperty());
        VBox buttons = new VBox(8, create, open);
        return card("mdi2r-rocket-launch-outline", "Start", null, buttons);
    }

    private Node recentCard() {
        VBox rows = new VBox();
        rows.setId("home-recent");
        rows.getStyleClass().add("item-list");
        Node empty = emptyState("Workspaces you open are remembered here.", null);
        fill(rows, vm.recentWorkspaces(), empty, r -> {
            Node n = item(r.available() ? "mdi2f-folder-outline" : "mdi2f-folder-remove-outline", r.name(),
                    r.path().toString(), () -> vm.openRecent(r),
                    r.available() ? "Open " + r.path() : r.path() + " no longer holds a workspace");
            if (!r.available()) {
                n.getStyleClass().add("unavailable");
            }
            return n;
        });
        return card("mdi2h-history", "Recent workspaces", null, rows);
    }

    private static <T> void fill(VBox box, ObservableList<T> items, Node empty, Function<T, Node> render) {
        Runnable rebuild = () -> {
            if (items.isEmpty()) {
                box.getChildren().setAll(empty);
            } else {
                box.getChildren().setAll(items.stream().map(render).toList());
            }
        };
        items.addListener((ListChangeListener<T>) c -> rebuild.run());
        rebuild.run();
    }

    private static Node card(String icon, String title, ObservableList<?> countOf, Node content) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("card-icon");
        Label heading = new Label(title, glyph);
        heading.getStyleClass().addAll(Styles.TITLE_4, "card-title");
        HBox head = new HBox(8, heading);
        head.setAlignment(Pos.CENTER_LEFT);
        if (countOf != null) {
            Label count = new Label();
            count.getStyleClass().add("count-badge");
            count.textProperty().bind(Bindings.size(countOf).asString());
            count.visibleProperty().bind(Bindings.isNotEmpty(countOf));
            head.getChildren().add(count);
        }
        VBox card = new VBox(12, head, content);
        card.getStyleClass().add("card");
        return card;
    }

    private static Node item(String icon, String name, String detail, Runnable action, String tooltip) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("item-icon");
        Label title = new Label(name);
        title.getStyleClass().add("item-name");
        Label sub = new Label(detail);
        sub.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "item-detail");
        VBox text = new VBox(1, title, sub);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, glyph, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("item");
        if (tooltip != null) {
            Tooltip.install(row, new Tooltip(tooltip));
        }
        if (action != null) {
            row.getStyleClass().add("clickable");
            row.setOnMouseClicked(e -> action.run());
            // reachable with Tab and opened with Enter or Space, like a link
            row.setFocusTraversable(true);
            row.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                    action.run();
                    e.consume();
                }
            });
            FontIcon chevron = new FontIcon("mdi2c-chevron-right");
            chevron.getStyleClass().add("item-chevron");
            row.getChildren().add(chevron);
        }
        return row;
    }

    private static Node emptyState(String text, Hyperlink action) {
        Label line = new Label(text);
        line.setWrapText(true);
        line.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state");
        if (action == null) {
            return line;
        }
        action.getStyleClass().add(Styles.TEXT_SMALL);
        return new VBox(2, line, action);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }
}
