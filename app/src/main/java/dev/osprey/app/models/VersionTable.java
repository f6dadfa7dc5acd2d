package dev.osprey.app.models;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.registry.ApprovalStatus;
import dev.osprey.core.registry.ModelVersion;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A model's versions, newest first: number, approval status, aliases, creation time and source run. */
final class VersionTable extends TableView<ModelVersion> {
    static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.US).withZone(ZoneId.systemDefault());
    private boolean syncing;

    VersionTable(ModelsViewModel vm) {
        setId("versionTable");
        getStyleClass().add("version-table");
        setItems(vm.versions());
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No versions."));

        TableColumn<ModelVersion, Integer> version = new TableColumn<>("Version");
        version.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().version()));
        version.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "v" + item);
            }
        });
        version.setPrefWidth(76);
        version.setMinWidth(70);
        TableColumn<ModelVersion, ApprovalStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(ApprovalStatus item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(statusText(item));
                chip.getStyleClass().setAll("label", "chip", "approval-" + item.name().toLowerCase(Locale.ROOT));
                setGraphic(chip);
            }
        });
        status.setPrefWidth(110);
        status.setMinWidth(100);
        TableColumn<ModelVersion, List<String>> aliases = new TableColumn<>("Aliases");
        aliases.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().aliases()));
        aliases.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(List<String> item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                HBox chips = new HBox(4);
                for (String a : item) {
                    Label chip = new Label(a);
                    chip.getStyleClass().addAll("chip", "alias-chip");
                    chips.getChildren().add(chip);
                }
                setGraphic(chips);
            }
        });
        aliases.setPrefWidth(160);
        TableColumn<ModelVersion, Instant> created = new TableColumn<>("Created");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdAt()));
        created.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : CREATED.format(item));
            }
        });
        created.setPrefWidth(160);
        created.setMinWidth(150);
        TableColumn<ModelVersion, String> run = new TableColumn<>("Trained by");
        run.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().run().map(r -> "run #" + r.value()).orElse("–")));
        run.setPrefWidth(100);
        TableColumn<ModelVersion, String> metric = new TableColumn<>("Metric");
        metric.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(MetricNames.main(vm.metricsOf(c.getValue()))
                .map(e -> MetricNames.label(e.getKey()) + " " + MetricNames.formatMetric(e.getKey(), e.getValue())).orElse("–")));
        metric.setPrefWidth(150);
        metric.setMinWidth(130);
        getColumns().setAll(List.of(version, status, aliases, metric, created, run));
        getColumns().forEach(c -> c.setSortable(false));

        getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
            if (!syncing && v != null) {
                vm.selectVersion(v);
            }
        });
        vm.selectedVersionProperty().addListener((o, a, v) -> select(v));
        vm.versions().addListener((javafx.beans.Observable o) -> select(vm.selectedVersionProperty().get()));
    }

    private void select(ModelVersion v) {
        syncing = true;
        try {
            // The selected version may belong to a list that just went away (another model, no workspace).
            if (v == null || !getItems().contains(v)) {
                getSelectionModel().clearSelection();
            } else {
                getSelectionModel().select(v);
            }
        } finally {
            syncing = false;
        }
    }

    static String statusText(ApprovalStatus s) {
        return switch (s) {
            case PENDING -> "Pending";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
        };
    }
}
