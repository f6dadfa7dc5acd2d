package dev.osprey.app.endpoints;

import dev.osprey.app.experiments.PropertyCard;
import dev.osprey.app.shell.Page;
import dev.osprey.app.ui.Sidebar;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The Endpoints page: deploy a model version as a local HTTP endpoint, the endpoints with their
 * status, and the chosen one's URL, live traffic, "try it" form and curl command; a second tab
 * runs batch transforms.
 */
public final class EndpointsView implements Page {
    private final EndpointsViewModel vm;
    private final StackPane root = new StackPane();
    private final TabPane tabs = new TabPane();

    public EndpointsView(EndpointsViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        root.setId("endpointsPage");
        root.getStyleClass().addAll("studio-page", "endpoints-page");
        root.getStylesheets().add(PropertyCard.STYLESHEET);
        root.getStylesheets().add(Objects.requireNonNull(EndpointsView.class.getResource("endpoints.css")).toExternalForm());
        Sidebar<EndpointRow> side = sidebar();
        javafx.scene.control.SplitPane split = side.besideOf(new EndpointDetail(vm));
        split.setDividerPositions(0.3); // the deploy form needs more room than a plain list
        Tab endpoints = new Tab("Endpoints", split);
        endpoints.setGraphic(new FontIcon("mdi2s-server-network"));
        endpoints.setId("endpointsTab");
        Tab batch = new Tab("Batch transform", new BatchPanel(vm.batch(), vm.form()));
        batch.setGraphic(new FontIcon("mdi2f-file-table-outline"));
        batch.setId("batchTab");
        tabs.getTabs().setAll(endpoints, batch);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("page-tabs");
        root.getChildren().setAll(tabs);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        vm.refresh();
    }

    /** Shows the batch tab (tests). */
    void showBatch() {
        tabs.getSelectionModel().select(1);
    }

    private Sidebar<EndpointRow> sidebar() {
        Sidebar<EndpointRow> side = new Sidebar<>("Endpoints", vm.rows(), l -> new RowCell(), vm.selectedProperty(), vm::select,
                new javafx.beans.property.SimpleBooleanProperty(false), vm::refresh, "Read the registered models again",
                "No endpoints yet. Choose a model version above and press Deploy.");
        side.list().setId("endpointList");
        side.setMinWidth(330);
        side.getChildren().add(1, deployCard());
        return side;
    }

    private Node deployCard() {
        DeployForm f = vm.form();
        ComboBox<String> model = new ComboBox<>(f.models());
        model.setId("deployModel");
        model.valueProperty().bindBidirectional(f.modelProperty());
        model.setPromptText("model");
        model.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Integer> version = new ComboBox<>(f.versions());
        version.setId("deployVersion");
        version.valueProperty().bindBidirectional(f.versionProperty());
        version.setPromptText("v");
        version.setMinWidth(66);
        TextField name = new TextField();
        name.setId("deployName");
        name.textProperty().bindBidirectional(f.nameProperty());
        name.setPromptText("endpoint name");
        TextField port = new TextField();
        port.setId("deployPort");
        port.setPrefColumnCount(4);
        port.setMinWidth(66);
        port.textProperty().bindBidirectional(f.portProperty());
        port.setPromptText("8080");
        port.setTooltip(new Tooltip("Empty: 8080 when free, else any free port. 0: any free port."));
        CheckBox capture = new CheckBox("Capture");
        capture.setId("deployCapture");
        capture.selectedProperty().bindBidirectional(f.captureProperty());
        capture.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        capture.setTooltip(new Tooltip("Write sampled requests and responses to captures/ENDPOINT/ (JSON Lines)"));
        Spinner<Integer> sample = new Spinner<>(1, 100, 100, 5);
        sample.setId("deploySample");
        sample.setEditable(true);
        sample.setPrefWidth(78);
        sample.getValueFactory().valueProperty().addListener((o, a, v) -> f.samplePercentProperty().set(v == null ? 100 : v));
        sample.disableProperty().bind(f.captureProperty().not());
        TextField token = new TextField();
        token.setId("deployToken");
        token.setPromptText("bearer token (optional)");
        token.textProperty().bindBidirectional(f.tokenProperty());
        Button deploy = new Button("Deploy", new FontIcon("mdi2r-rocket-launch-outline"));
        deploy.setId("deployButton");
        deploy.getStyleClass().add("accent");
        deploy.setMaxWidth(Double.MAX_VALUE);
        deploy.disableProperty().bind(f.modelProperty().isNull().or(f.versionProperty().isNull()));
        deploy.setOnAction(e -> vm.deploy());

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.addRow(0, caption("Model"), model, version);
        grid.addRow(1, caption("Name"), name, port);
        HBox captureRow = new HBox(6, capture, sample, new Label("%"));
        captureRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(captureRow, 1, 2, 2, 1);
        grid.add(token, 1, 3, 2, 1);
        GridPane.setHgrow(model, Priority.ALWAYS);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Label error = new Label(null, new FontIcon("mdi2a-alert-circle-outline"));
        error.setId("endpointsError");
        error.getStyleClass().add("error-line");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label title = new Label("Deploy a model version");
        title.getStyleClass().add("section-title");
        VBox card = new VBox(8, title, grid, deploy, error);
        card.getStyleClass().add("deploy-card");
        return card;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-caption");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** An endpoint in the list: name, model version and a status chip. */
    private static final class RowCell extends ListCell<EndpointRow> {
        private final Label name = new Label();
        private final Label meta = new Label();
        private final Label status = new Label();
        private final HBox box;
        private EndpointRow shown;
        private final javafx.beans.InvalidationListener update = o -> refresh();

        RowCell() {
            setPrefWidth(0);
            name.getStyleClass().add("cell-name");
            meta.getStyleClass().add("cell-meta");
            status.getStyleClass().add("chip");
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, new VBox(2, name, meta), gap, status);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(EndpointRow item, boolean empty) {
            super.updateItem(item, empty);
            if (shown != null) {
                shown.statusProperty().removeListener(update);
                shown.configProperty().removeListener(update);
            }
            shown = empty ? null : item;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.statusProperty().addListener(update);
            shown.configProperty().addListener(update);
            refresh();
            setGraphic(box);
        }

        private void refresh() {
            if (shown == null) {
                return;
            }
            name.setText(shown.name().value());
            meta.setText(shown.config().model() + " v" + shown.config().version() + (shown.config().port() > 0
                    ? " \u00b7 :" + shown.config().port() : ""));
            status.setText(shown.status().text());
            status.getStyleClass().removeIf(c -> c.startsWith("status-"));
            status.getStyleClass().add("status-" + shown.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static void bindEmpty(Label l, javafx.collections.ObservableList<?> list) {
        l.visibleProperty().bind(Bindings.isEmpty(list));
        l.managedProperty().bind(l.visibleProperty());
    }
}
