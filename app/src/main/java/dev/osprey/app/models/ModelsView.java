package dev.osprey.app.models;

import dev.osprey.app.ui.Sidebar;
import dev.osprey.app.experiments.PropertyCard;
import dev.osprey.app.shell.Page;
import dev.osprey.core.registry.ApprovalStatus;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegisteredModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Models page: registered models on the left; on the right the chosen model's versions,
 * the chosen version's approval and aliases, and its model card and Predict form in tabs.
 */
public final class ModelsView implements Page {
    private final ModelsViewModel vm;
    private final StackPane root = new StackPane();
    private final TabPane tabs = new TabPane();

    public ModelsView(ModelsViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        root.setId("modelsPage");
        root.getStyleClass().addAll("studio-page", "models-page");
        root.getStylesheets().add(PropertyCard.STYLESHEET);
        root.getStylesheets().add(Objects.requireNonNull(ModelsView.class.getResource("models.css")).toExternalForm());
        root.getChildren().setAll(sidebar().besideOf(main()), emptyWorkspace());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        vm.refresh();
    }

    /** Shows the Predict tab (the UI test and a future "Try it" link). */
    void showPredict() {
        tabs.getSelectionModel().select(1);
    }

    private Sidebar<RegisteredModel> sidebar() {
        Sidebar<RegisteredModel> side = new Sidebar<>("Models", vm.models(), l -> new ModelCell(),
                vm.selectedModelProperty(), vm::selectModel, vm.loadingProperty(), vm::refresh,
                "Read the registry again", "No registered models yet. Train a model and choose \u201cRegister model\u201d,"
                        + " or run `osprey train --register NAME`.");
        side.list().setId("modelList");
        return side;
    }

    private Node main() {
        Label name = new Label();
        name.setId("modelTitle");
        name.getStyleClass().add("page-title");
        name.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedModelProperty().get() == null
                ? "Models" : vm.selectedModelProperty().get().name(), vm.selectedModelProperty()));
        Label sub = new Label();
        sub.getStyleClass().add("muted");
        sub.textProperty().bind(Bindings.createStringBinding(() -> {
            RegisteredModel m = vm.selectedModelProperty().get();
            return m == null ? "" : m.latestVersion() + (m.latestVersion() == 1 ? " version" : " versions")
                    + " · registered " + VersionTable.CREATED.format(m.createdAt()) + aliases(m.aliases());
        }, vm.selectedModelProperty()));
        VBox header = new VBox(2, name, sub);

        Label error = new Label(null, new FontIcon("mdi2a-alert-circle-outline"));
        error.getStyleClass().add("error-line");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VersionTable versions = new VersionTable(vm);
        // tall enough for the versions there are (up to five rows), then it scrolls
        versions.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> 46.0 + 40.0 * Math.max(1, Math.min(5,
                vm.versions().size())), vm.versions()));
        versions.setMinHeight(90);

        ModelCardPane card = new ModelCardPane();
        PredictPane predict = new PredictPane(vm);
        vm.cardProperty().addListener((o, a, c) -> card.show(c));
        Tab cardTab = new Tab("Model card", card);
        cardTab.setGraphic(new FontIcon("mdi2c-card-text-outline"));
        cardTab.setId("cardTab");
        Tab predictTab = new Tab("Predict", predict);
        predictTab.setGraphic(new FontIcon("mdi2c-crosshairs-gps"));
        predictTab.setId("predictTab");
        tabs.getTabs().setAll(cardTab, predictTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("detail-tabs");
        ProgressIndicator cardLoading = new ProgressIndicator();
        cardLoading.visibleProperty().bind(vm.cardLoadingProperty());
        cardLoading.setMaxSize(40, 40);
        StackPane lower = new StackPane(tabs, cardLoading);
        lower.visibleProperty().bind(vm.selectedVersionProperty().isNotNull());
        VBox.setVgrow(lower, Priority.ALWAYS);

        VBox main = new VBox(12, header, error, versions, versionBar(), lower);
        main.getStyleClass().add("main-pane");
        return main;
    }

    /** Approval and aliases of the chosen version. */
    private Node versionBar() {
        Label which = new Label();
        which.getStyleClass().add("section-title");
        which.textProperty().bind(Bindings.createStringBinding(() -> {
            ModelVersion v = vm.selectedVersionProperty().get();
            return v == null ? "" : "Version " + v.version();
        }, vm.selectedVersionProperty()));
        Button approve = statusButton("Approve", "mdi2c-check-circle-outline", ApprovalStatus.APPROVED, "approveButton");
        approve.getStyleClass().addAll("success", "button-outlined");
        Button reject = statusButton("Reject", "mdi2c-close-circle-outline", ApprovalStatus.REJECTED, "rejectButton");
        reject.getStyleClass().addAll("danger", "button-outlined");
        Button pending = statusButton("Back to pending", "mdi2c-clock-outline", ApprovalStatus.PENDING, "pendingButton");

        TextField alias = new TextField();
        alias.setId("aliasField");
        alias.setPromptText("alias, e.g. champion");
        alias.setPrefColumnCount(10);
        alias.textProperty().bindBidirectional(vm.aliasDraftProperty());
        alias.setOnAction(e -> vm.setAlias());
        Button setAlias = new Button("Set alias", new FontIcon("mdi2t-tag-arrow-right-outline"));
        setAlias.setId("setAliasButton");
        setAlias.setTooltip(new Tooltip("Point this alias at this version (it moves from any other version)"));
        setAlias.disableProperty().bind(vm.selectedVersionProperty().isNull().or(vm.aliasDraftProperty().isEmpty()));
        setAlias.setOnAction(e -> vm.setAlias());
        HBox aliasChips = new HBox(4);
        aliasChips.setAlignment(Pos.CENTER_LEFT);
        vm.selectedVersionProperty().addListener((o, a, v) -> {
            aliasChips.getChildren().clear();
            if (v == null) {
                return;
            }
            for (String name : v.aliases()) {
                Button chip = new Button(name, new FontIcon("mdi2c-close"));
                chip.getStyleClass().addAll("chip", "alias-chip", "removable");
                chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                chip.setTooltip(new Tooltip("Remove the alias '" + name + "'"));
                chip.setOnAction(e -> vm.removeAlias(name));
                aliasChips.getChildren().add(chip);
            }
        });

        Label approval = new Label("Approval");
        approval.getStyleClass().add("field-caption");
        Label aliasCaption = new Label("Alias");
        aliasCaption.getStyleClass().add("field-caption");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox title = new HBox(10, which, aliasChips);
        title.setAlignment(Pos.CENTER_LEFT);
        Button deploy = new Button("Deploy\u2026", new FontIcon("mdi2r-rocket-launch-outline"));
        deploy.setId("deployVersionButton");
        deploy.setTooltip(new Tooltip("Serve this version as a local HTTP endpoint (Endpoints page)"));
        deploy.disableProperty().bind(vm.selectedVersionProperty().isNull());
        deploy.setOnAction(e -> vm.deploySelected());
        HBox actions = new HBox(8, approval, approve, reject, pending, gap, aliasCaption, alias, setAlias, deploy);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (Node n : actions.getChildren()) {
            if (n instanceof Region r && n != gap && n != alias) {
                r.setMinWidth(Region.USE_PREF_SIZE); // buttons keep their words; the alias field gives way
            }
        }
        VBox bar = new VBox(8, title, actions);
        bar.getStyleClass().add("version-bar");
        bar.visibleProperty().bind(vm.selectedVersionProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Button statusButton(String text, String icon, ApprovalStatus status, String id) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedVersionProperty().get() == null
                || vm.selectedVersionProperty().get().status() == status, vm.selectedVersionProperty()));
        b.setOnAction(e -> vm.setStatus(status));
        return b;
    }

    private Node emptyWorkspace() {
        FontIcon icon = new FontIcon("mdi2c-cube-outline");
        icon.getStyleClass().add("empty-icon");
        Label title = new Label("No workspace open");
        title.getStyleClass().add("empty-title");
        Label text = new Label("Open or create a workspace on the Home page to see its models.");
        text.getStyleClass().add("empty-text");
        VBox box = new VBox(8, icon, title, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-workspace");
        box.visibleProperty().bind(vm.workspaceOpenProperty().not());
        return box;
    }

    private static String aliases(Map<String, Integer> aliases) {
        if (aliases.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(aliases).forEach((a, v) -> sb.append(sb.isEmpty() ? " · " : ", ").append(a).append(" → v").append(v));
        return sb.toString();
    }

    private static final class ModelCell extends ListCell<RegisteredModel> {
        private final Label name = new Label();
        private final Label meta = new Label();
        private final HBox box;

        ModelCell() {
            setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            name.getStyleClass().add("cell-name");
            meta.getStyleClass().add("cell-meta");
            FontIcon icon = new FontIcon("mdi2c-cube-outline");
            icon.getStyleClass().add("cell-icon");
            box = new HBox(10, icon, new VBox(2, name, meta));
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RegisteredModel item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            meta.setText("latest v" + item.latestVersion() + aliases(item.aliases()));
            setGraphic(box);
        }
    }
}
