package dev.osprey.app.experiments;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.experiment.RunStatus;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The runs of an experiment: fixed columns (run, status, algorithm, start, duration) and one
 * column per parameter and per metric, grouped under "Parameters" and "Metrics". Every column
 * sorts (numbers as numbers); Ctrl/Shift+click selects several runs to compare.
 */
final class RunTable extends TableView<RunRow> {
    private final ExperimentsViewModel vm;
    private final TableColumn<RunRow, String> params = new TableColumn<>("Parameters");
    private final TableColumn<RunRow, Double> metrics = new TableColumn<>("Metrics");
    private boolean syncing;

    RunTable(ExperimentsViewModel vm) {
        this.vm = vm;
        setId("runTable");
        getStyleClass().add("run-table");
        SortedList<RunRow> sorted = new SortedList<>(vm.visibleRuns());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<RunRow, Long> run = new TableColumn<>("Run");
        run.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id().value()));
        run.setCellFactory(c -> text(v -> "#" + v, "index-column"));
        run.setPrefWidth(64);
        run.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<RunRow, RunStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell());
        status.setPrefWidth(100);
        TableColumn<RunRow, String> algorithm = column("Algorithm", RunRow::algorithm, 140);
        TableColumn<RunRow, Instant> started = new TableColumn<>("Started");
        started.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().started()));
        started.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null || getTableRow() == null || getTableRow().getItem() == null
                        ? null : getTableRow().getItem().startedText());
            }
        });
        started.setPrefWidth(140);
        TableColumn<RunRow, Duration> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().duration()));
        duration.setCellFactory(c -> text(RunRow::duration, "number-column"));
        duration.getStyleClass().add("number-column");
        duration.setPrefWidth(90);

        getColumns().setAll(List.of(run, status, algorithm, started, duration, metrics, params));
        getSortOrder().setAll(List.of(run));
        vm.paramKeys().addListener((ListChangeListener<String>) c -> rebuildParams());
        vm.metricKeys().addListener((ListChangeListener<String>) c -> rebuildMetrics());
        rebuildParams();
        rebuildMetrics();

        // Selection flows both ways: the user's clicks to the view model, a refresh's restored selection back.
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> {
            if (!syncing) {
                syncing = true;
                try {
                    vm.selectRuns(List.copyOf(getSelectionModel().getSelectedItems()));
                } finally {
                    syncing = false;
                }
            }
        });
        vm.selectedRuns().addListener((ListChangeListener<RunRow>) c -> showSelection());
    }

    private void showSelection() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            getSelectionModel().clearSelection();
            for (RunRow r : vm.selectedRuns()) {
                int i = getItems().indexOf(r);
                if (i >= 0) {
                    getSelectionModel().select(i);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void rebuildParams() {
        params.getColumns().setAll(vm.paramKeys().stream().map(k -> {
            TableColumn<RunRow, String> c = column(k, r -> r.param(k), Math.max(70, 9 * k.length() + 16));
            c.setComparator(MetricNames.NUMERIC_AWARE);
            c.setUserData("param:" + k);
            return c;
        }).toList());
        params.setVisible(!vm.paramKeys().isEmpty());
    }

    private void rebuildMetrics() {
        metrics.getColumns().setAll(vm.metricKeys().stream().map(k -> {
            TableColumn<RunRow, Double> c = new TableColumn<>(MetricNames.label(k));
            c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue().metric(k)));
            c.setCellFactory(x -> text(v -> MetricNames.formatMetric(k, v), "number-column"));
            c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
            c.getStyleClass().add("number-column");
            c.setPrefWidth(Math.max(80, 8 * MetricNames.label(k).length() + 20));
            c.setUserData("metric:" + k);
            return c;
        }).toList());
        metrics.setVisible(!vm.metricKeys().isEmpty());
    }

    private static TableColumn<RunRow, String> column(String title, Function<RunRow, String> value, double width) {
        TableColumn<RunRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(value.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableCell<RunRow, T> text(Function<T, String> format, String style) {
        TableCell<RunRow, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        cell.getStyleClass().add(style);
        return cell;
    }

    /** The status as a coloured chip: finished green, failed red, running blue. */
    private static final class StatusCell extends TableCell<RunRow, RunStatus> {
        private final Label chip = new Label();

        StatusCell() {
            chip.getStyleClass().addAll("chip", "status-chip");
        }

        @Override
        protected void updateItem(RunStatus item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            chip.setText(RunRow.statusText(item));
            chip.getStyleClass().setAll("label", "chip", "status-chip", "status-" + item.name().toLowerCase(java.util.Locale.ROOT));
            RunRow row = getTableRow() == null ? null : getTableRow().getItem();
            chip.setTooltip(row != null && row.run().message().isPresent() ? new Tooltip(row.run().message().get()) : null);
            setGraphic(chip);
        }
    }
}
