package dev.osprey.app.experiments;

import dev.osprey.app.ui.Sidebar;
import dev.osprey.app.shell.Page;
import dev.osprey.core.experiment.RunStatus;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Experiments page: experiments on the left; on the right the chosen experiment's runs in a
 * sortable, filterable table, and below it either the selected run's detail or, after Compare,
 * the selected runs side by side. Layout and wiring only; the state is {@link ExperimentsViewModel}'s.
 */
public final class ExperimentsView implements Page {
    private final ExperimentsViewModel vm;
    private final StackPane root = new StackPane();
    private final RunTable table;

    public ExperimentsView(ExperimentsViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        this.table = new RunTable(vm);
        root.setId("experimentsPage");
        root.getStyleClass().addAll("studio-page", "experiments-page");
        root.getStylesheets().add(PropertyCard.STYLESHEET);
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

    private Sidebar<ExperimentItem> sidebar() {
        Sidebar<ExperimentItem> side = new Sidebar<>("Experiments", vm.experiments(), l -> new ExperimentCell(),
                vm.selectedExperimentProperty(), vm::selectExperiment, vm.loadingProperty(), vm::refresh,
                "Read the runs again", "No experiments yet. Every training run is recorded in an experiment; train a"
                        + " model on the Training page or with `osprey train`.");
        side.list().setId("experimentList");
        side.refreshButton().setId("experimentsRefresh");
        return side;
    }

    private Node main() {
        Label name = new Label();
        name.getStyleClass().add("page-title");
        name.setId("experimentTitle");
        name.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedExperimentProperty().get() == null
                ? "Runs" : vm.selectedExperimentProperty().get().name(), vm.selectedExperimentProperty()));
        Label sub = new Label();
        sub.getStyleClass().add("muted");
        sub.textProperty().bind(Bindings.createStringBinding(() -> {
            int all = vm.runs().size();
            int shown = vm.visibleRuns().size();
            String runs = all + (all == 1 ? " run" : " runs");
            return (shown == all ? runs : shown + " of " + runs + " shown")
                    + " · Ctrl+click to select several runs, then Compare";
        }, vm.runs(), vm.visibleRuns()));
        VBox header = new VBox(2, name, sub);

        TextField filter = new TextField();
        filter.setId("runFilter");
        filter.setPromptText("Filter runs: algorithm, status, max_depth=6 …");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setPrefWidth(300);
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
        });
        ComboBox<RunStatus> status = new ComboBox<>();
        status.setId("statusFilter");
        status.getItems().add(null);
        status.getItems().addAll(Arrays.asList(RunStatus.values()));
        status.setCellFactory(l -> new StatusCell());
        status.setButtonCell(new StatusCell());
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button compare = new Button(null, new FontIcon("mdi2c-compare-horizontal"));
        compare.setId("compareButton");
        compare.getStyleClass().add("accent");
        compare.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedRuns().size() >= 2
                ? "Compare " + vm.selectedRuns().size() + " runs" : "Compare", vm.selectedRuns()));
        compare.setTooltip(new Tooltip("Select two or more runs (Ctrl+click), then compare their metrics and curves"));
        compare.disableProperty().bind(vm.canCompareProperty().not());
        compare.setOnAction(e -> vm.compare());
        HBox toolbar = new HBox(8, filter, status, gap, compare);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar");

        Label error = new Label(null, new FontIcon("mdi2a-alert-circle-outline"));
        error.getStyleClass().add("error-line");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label noRuns = new Label();
        noRuns.getStyleClass().add("empty-text");
        noRuns.setWrapText(true);
        noRuns.textProperty().bind(Bindings.createStringBinding(() -> vm.runs().isEmpty()
                ? "No runs in this experiment yet." : "No run matches the filter.", vm.runs()));
        table.setPlaceholder(noRuns);

        RunDetailPane detail = new RunDetailPane();
        ComparePane compared = new ComparePane(vm);
        Label hint = new Label("Select a run to see its parameters, metrics, tags and provenance.");
        hint.getStyleClass().add("empty-text");
        hint.setWrapText(true);
        StackPane lower = new StackPane(hint, detail, compared);
        lower.getStyleClass().add("lower-pane");
        Runnable switchLower = () -> {
            boolean comparing = vm.comparisonProperty().get() != null;
            boolean one = vm.detailProperty().get() != null;
            compared.setVisible(comparing);
            detail.setVisible(!comparing && one);
            hint.setVisible(!comparing && !one);
        };
        vm.detailProperty().addListener((o, a, r) -> {
            detail.show(r);
            switchLower.run();
        });
        vm.comparisonProperty().addListener((o, a, c) -> switchLower.run());
        switchLower.run();

        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        split.getStyleClass().add("page-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox main = new VBox(12, header, toolbar, error, split);
        main.getStyleClass().add("main-pane");
        return main;
    }

    private Node emptyWorkspace() {
        FontIcon icon = new FontIcon("mdi2f-flask-outline");
        icon.getStyleClass().add("empty-icon");
        Label title = new Label("No workspace open");
        title.getStyleClass().add("empty-title");
        Label text = new Label("Open or create a workspace on the Home page to see its experiments.");
        text.getStyleClass().add("empty-text");
        VBox box = new VBox(8, icon, title, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-workspace");
        box.visibleProperty().bind(vm.workspaceOpenProperty().not());
        return box;
    }

    private static final class ExperimentCell extends ListCell<ExperimentItem> {
        private final Label name = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(2, name, meta);

        ExperimentCell() {
            setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            name.getStyleClass().add("cell-name");
            meta.getStyleClass().add("cell-meta");
        }

        @Override
        protected void updateItem(ExperimentItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            meta.setText(item.summary() + item.lastRun().map(t -> " · last " + RunRow.ago(t)).orElse(""));
            setGraphic(box);
        }
    }

    private static final class StatusCell extends ListCell<RunStatus> {
        @Override
        protected void updateItem(RunStatus item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? "Any status" : RunRow.statusText(item));
        }
    }
}
