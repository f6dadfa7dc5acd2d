package dev.osprey.app.tune;

import dev.osprey.core.tune.Objective;
import dev.osprey.core.tune.SearchSpace;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The trials of the shown job: number, state, objective value, duration, then one column per
 * parameter of the space (rebuilt when another job is shown). Sorting does not touch the view
 * model's list (a sorted view of it is shown). Selecting trials draws their curves.
 */
final class TrialsTable extends TableView<TrialRow> {
    private final TuningViewModel model;
    private final TableColumn<TrialRow, Number> value = new TableColumn<>("value");

    TrialsTable(TuningViewModel model) {
        this.model = model;
        setId("trialsTable");
        SortedList<TrialRow> sorted = new SortedList<>(model.trials());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        javafx.scene.control.Label empty = new javafx.scene.control.Label("No trials yet: start a tuning job, or open an earlier one below.");
        empty.setWrapText(true); // the dashboard's column can be narrower than the sentence
        empty.setPadding(new javafx.geometry.Insets(0, 16, 0, 16));
        setPlaceholder(empty);
        setPrefHeight(250);
        setMinHeight(180);
        model.spaceProperty().addListener((o, a, s) -> rebuild(s));
        model.objectiveProperty().addListener((o, a, obj) -> value.setText(metricTitle(obj)));
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<TrialRow>) c ->
                model.selectTrials(getSelectionModel().getSelectedItems().stream().map(TrialRow::number).toList()));
        rebuild(model.spaceProperty().get());
    }

    private static String metricTitle(Objective o) {
        return o == null ? "value" : o.metric() + (o.direction() == dev.osprey.core.tune.Direction.MINIMIZE ? " \u2193" : " \u2191");
    }

    private void rebuild(SearchSpace space) {
        getColumns().clear();
        TableColumn<TrialRow, Number> number = column("#", r -> r.number(), 44);
        number.setId("trialNumberColumn");
        TableColumn<TrialRow, String> state = text("state", TrialRow::stateText, 116);
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value().isPresent()
                ? c.getValue().value().getAsDouble() : null));
        value.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : MetricFormat.value(item.doubleValue()));
                TrialRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove("best-value");
                if (row != null && model.bestProperty().get() != null && model.bestProperty().get().number() == row.number()) {
                    getStyleClass().add("best-value");
                }
            }
        });
        value.setPrefWidth(100);
        value.setText(metricTitle(model.objectiveProperty().get()));
        TableColumn<TrialRow, Duration> time = new TableColumn<>("duration");
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().elapsed()));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Duration item, boolean empty) {
                super.updateItem(item, empty);
                TrialRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || item == null || row == null || row.state() == dev.osprey.core.tune.TrialState.RUNNING
                        ? null : MetricFormat.seconds(item));
            }
        });
        time.setComparator(Comparator.naturalOrder());
        time.setPrefWidth(92);
        getColumns().addAll(java.util.List.of(number, state, value, time));
        if (space != null) {
            for (String name : space.names()) {
                TableColumn<TrialRow, String> p = text(name, r -> r.params().getOrDefault(name, ""),
                        Math.max(84, 9 * name.length() + 30));
                p.setComparator(TrialsTable::numericFirst);
                getColumns().add(p);
            }
        }
        TableColumn<TrialRow, String> note = text("note", TrialRow::message, 220);
        getColumns().add(note);
    }

    /** Parameter values sort as numbers when both are numbers. */
    private static int numericFirst(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException | NullPointerException e) {
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
    }

    private static TableColumn<TrialRow, Number> column(String title, Function<TrialRow, Number> f, double width) {
        TableColumn<TrialRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<TrialRow, String> text(String title, Function<TrialRow, String> f, double width) {
        TableColumn<TrialRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
