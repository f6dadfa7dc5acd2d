package dev.osprey.app.experiments;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.RunId;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several runs side by side: a table with one column per run (the best value of each metric
 * marked) and their per-iteration curves of one metric on one chart.
 */
final class ComparePane extends VBox {
    private final ExperimentsViewModel vm;
    private final Label title = new Label();
    private final TableView<String> table = new TableView<>();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final ComboBox<String> curveKey = new ComboBox<>();
    private final Label noCurves = new Label("None of these runs logged per-iteration metrics (only boosted trees do).");

    ComparePane(ExperimentsViewModel vm) {
        this.vm = vm;
        setId("comparePane");
        getStyleClass().add("compare-pane");
        title.getStyleClass().add("section-title");
        Button close = new Button("Close comparison", new FontIcon("mdi2c-close"));
        close.getStyleClass().add("flat");
        close.setId("closeComparison");
        close.setOnAction(e -> vm.closeComparison());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, title, gap, close);
        head.setAlignment(Pos.CENTER_LEFT);

        table.setId("compareTable");
        table.getStyleClass().add("compare-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("These runs logged no metrics."));
        table.setMinWidth(360);
        table.setPrefWidth(400);

        curveKey.setId("curveKey");
        curveKey.valueProperty().bindBidirectional(vm.curveKeyProperty());
        curveKey.setCellFactory(l -> new KeyCell());
        curveKey.setButtonCell(new KeyCell());
        Label curveCaption = new Label("Curve");
        curveCaption.getStyleClass().add("field-caption");
        HBox chartBar = new HBox(8, curveCaption, curveKey);
        chartBar.setAlignment(Pos.CENTER_LEFT);

        xAxis.setLabel("Iteration");
        xAxis.setMinorTickVisible(false);
        yAxis.setForceZeroInRange(false);
        chart.setId("compareChart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.getStyleClass().add("compare-chart");
        chart.setLegendVisible(true);
        noCurves.getStyleClass().add("property-empty");
        noCurves.setWrapText(true);
        StackPane chartArea = new StackPane(chart, noCurves);
        VBox.setVgrow(chartArea, Priority.ALWAYS);
        VBox chartBox = new VBox(8, chartBar, chartArea);
        chartBox.getStyleClass().addAll("card", "chart-card");
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        VBox tableBox = new VBox(table);
        tableBox.getStyleClass().addAll("card", "table-card");
        VBox.setVgrow(table, Priority.ALWAYS);

        HBox body = new HBox(14, tableBox, chartBox);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().setAll(head, body);
        setSpacing(10);

        vm.comparisonProperty().addListener((o, a, c) -> show(c));
        vm.curveKeyProperty().addListener((o, a, k) -> drawCurves());
    }

    private void show(Comparison c) {
        if (c == null) {
            return;
        }
        title.setText("Comparing " + c.runs().size() + " runs");
        TableColumn<String, String> metric = new TableColumn<>("Metric");
        metric.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(MetricNames.label(v.getValue())));
        metric.setPrefWidth(140);
        metric.setSortable(false);
        table.getColumns().setAll(List.of(metric));
        for (RunRow run : c.runs()) {
            TableColumn<String, Double> col = new TableColumn<>(run.label() + "\n" + run.algorithm());
            col.setUserData(run.id());
            col.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(run.metric(v.getValue())));
            col.setCellFactory(x -> new ValueCell(c, run.id()));
            col.getStyleClass().add("number-column");
            col.setSortable(false);
            col.setPrefWidth(105);
            table.getColumns().add(col);
        }
        table.setItems(FXCollections.observableArrayList(c.metricKeys()));
        curveKey.setItems(FXCollections.observableArrayList(c.curveKeys()));
        curveKey.setValue(vm.curveKeyProperty().get());
        drawCurves();
    }

    private void drawCurves() {
        Comparison c = vm.comparisonProperty().get();
        String key = vm.curveKeyProperty().get();
        chart.getData().clear();
        boolean none = c == null || key == null || c.curveKeys().isEmpty();
        noCurves.setVisible(none);
        chart.setVisible(!none);
        curveKey.setDisable(none);
        if (none) {
            return;
        }
        yAxis.setLabel(MetricNames.label(key));
        long last = 1;
        for (Map.Entry<RunRow, List<MetricPoint>> e : c.curve(key).entrySet()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(e.getKey().label() + " " + e.getKey().algorithm() + paramHint(c, e.getKey()));
            for (MetricPoint p : e.getValue()) {
                last = Math.max(last, p.step());
                if (Double.isFinite(p.value())) {
                    s.getData().add(new XYChart.Data<>(p.step(), p.value()));
                }
            }
            chart.getData().add(s);
        }
        // Whole iterations on the x axis: about ten ticks at 1, 2, 5 or 10 times a power of ten.
        double raw = Math.max(1, last / 10.0);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw <= pow ? pow : raw <= 2 * pow ? 2 * pow : raw <= 5 * pow ? 5 * pow : 10 * pow;
        xAxis.setAutoRanging(false);
        xAxis.setLowerBound(0);
        xAxis.setUpperBound(Math.ceil(last / unit) * unit);
        xAxis.setTickUnit(unit);
    }

    /** The first parameter in which this run differs from the others, so two XGBoost curves can be told apart. */
    private static String paramHint(Comparison c, RunRow run) {
        for (String k : new java.util.TreeSet<>(run.run().params().keySet())) {
            if (k.equals("features") || k.equals("target")) {
                continue;
            }
            String v = run.param(k);
            boolean differs = c.runs().stream().anyMatch(o -> o != run && !java.util.Objects.equals(o.param(k), v));
            if (differs) {
                return " (" + k + "=" + v + ")";
            }
        }
        return "";
    }

    /** A metric value, bold and green when it is the best of the compared runs. */
    private static final class ValueCell extends TableCell<String, Double> {
        private final Comparison comparison;
        private final RunId run;

        ValueCell(Comparison comparison, RunId run) {
            this.comparison = comparison;
            this.run = run;
            getStyleClass().add("number-column");
        }

        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("best-value");
            setTooltip(null);
            if (empty) {
                setText(null);
                return;
            }
            String key = getTableRow() == null ? null : getTableRow().getItem();
            setText(key == null ? MetricNames.format(item) : MetricNames.formatMetric(key, item));
            Optional<RunId> best = key == null ? Optional.empty() : comparison.best(key);
            if (best.isPresent() && best.get().equals(run)) {
                getStyleClass().add("best-value");
                setTooltip(new Tooltip("Best of the compared runs (" + (MetricNames.lowerIsBetter(key) ? "lowest" : "highest") + ")"));
            }
        }
    }

    private static final class KeyCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : MetricNames.label(item));
        }
    }
}
