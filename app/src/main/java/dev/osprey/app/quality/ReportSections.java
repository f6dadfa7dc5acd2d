package dev.osprey.app.quality;

import dev.osprey.core.quality.ColumnProfile;
import dev.osprey.core.quality.LeakageScore;
import dev.osprey.core.quality.QualityFormat;
import dev.osprey.core.quality.QualityReport;
import dev.osprey.core.quality.QualityWarning;
import dev.osprey.core.quality.QuickModel;
import dev.osprey.core.quality.Severity;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Builds the parts of a finished report: summary, warnings, columns, leakage, quick model. */
final class ReportSections {
    private static final int MAX_BARS = 30;

    private ReportSections() {
    }

    static Node summary(QualityReport r) {
        long missingCells = r.columns().stream().mapToLong(ColumnProfile::missing).sum();
        double cells = (double) r.rows() * Math.max(1, r.columns().size());
        HBox box = new HBox(10,
                card("rows", QualityFormat.count(r.rows())),
                card("columns", QualityFormat.count(r.columns().size())),
                card("duplicate rows", QualityFormat.count(r.duplicateRows())),
                card("missing cells", QualityFormat.percent(missingCells / cells)),
                card("target", r.target().map(t -> t.column() + " (" + t.problemType().name().toLowerCase(Locale.ROOT) + ")")
                        .orElse("none")),
                card("warnings high / medium / low", r.count(Severity.HIGH) + " / " + r.count(Severity.MEDIUM) + " / "
                        + r.count(Severity.LOW)));
        box.setId("qualitySummary");
        return box;
    }

    private static Node card(String caption, String value) {
        Label v = new Label(value);
        v.getStyleClass().add("summary-value");
        Label c = new Label(caption);
        c.getStyleClass().add("summary-caption");
        VBox box = new VBox(2, v, c);
        box.getStyleClass().add("summary-card");
        return box;
    }

    static Node warnings(QualityReport r) {
        VBox list = new VBox(4);
        list.setId("qualityWarnings");
        if (r.warnings().isEmpty()) {
            list.getChildren().add(new Label("No warnings."));
        }
        for (QualityWarning w : r.warnings()) {
            Label badge = new Label(w.severity().label());
            badge.getStyleClass().addAll("severity", "severity-" + w.severity().name().toLowerCase(Locale.ROOT));
            badge.setMinWidth(64);
            badge.setAlignment(Pos.CENTER);
            Label column = new Label(w.column().orElse("(all rows)"));
            column.getStyleClass().add("warning-column");
            column.setMinWidth(140);
            column.setMaxWidth(140);
            Label text = new Label(w.message());
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, badge, column, text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("warning-row");
            list.getChildren().add(row);
        }
        return section("Warnings", list);
    }

    static Node columns(QualityReport r) {
        TableView<ColumnProfile> table = new TableView<>(FXCollections.observableArrayList(r.columns()));
        table.setId("qualityColumns");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Column", 180, ColumnProfile::name));
        table.getColumns().add(text("Type", 80, c -> c.type().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(text("Missing", 70, c -> QualityFormat.percent(c.missingShare())));
        table.getColumns().add(text("Distinct", 70, c -> QualityFormat.count(c.distinct())));
        table.getColumns().add(text("Min", 90, c -> c.min().orElse("-")));
        table.getColumns().add(text("Max", 90, c -> c.max().orElse("-")));
        table.getColumns().add(text("Mean", 80, c -> c.numeric().map(n -> QualityFormat.number(n.mean())).orElse("")));
        table.getColumns().add(text("Std", 80, c -> c.numeric().map(n -> QualityFormat.number(n.std())).orElse("")));
        table.getColumns().add(text("Median", 80, c -> c.numeric().map(n -> QualityFormat.number(n.median())).orElse("")));
        table.getColumns().add(text("Skew", 60, c -> c.numeric().map(n -> QualityFormat.number(n.skewness())).orElse("")));
        table.getColumns().add(distribution());
        table.setFixedCellSize(34);
        double height = 34 * Math.min(14, r.columns().size()) + 46; // header row and borders
        table.setPrefHeight(height);
        table.setMinHeight(height);
        return section("Columns", table);
    }

    private static TableColumn<ColumnProfile, String> text(String title, double width, Function<ColumnProfile, String> value) {
        TableColumn<ColumnProfile, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    private static TableColumn<ColumnProfile, ColumnProfile> distribution() {
        TableColumn<ColumnProfile, ColumnProfile> c = new TableColumn<>("Distribution");
        c.setPrefWidth(170);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ColumnProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else if (item.numeric().isPresent()) {
                    setGraphic(MiniCharts.histogram(item.numeric().get().histogram().counts(), 120, 24));
                } else {
                    setGraphic(topValues(item));
                }
            }
        });
        return c;
    }

    /** The top values in one line: "basic 34% · plus 33% · ...". */
    private static Node topValues(ColumnProfile c) {
        List<String> parts = new ArrayList<>();
        for (ColumnProfile.ValueCount v : c.topValues().subList(0, Math.min(3, c.topValues().size()))) {
            parts.add(v.value() + " " + QualityFormat.percent(c.count() == 0 ? 0 : (double) v.count() / c.count()));
        }
        Label l = new Label(String.join(" \u00b7 ", parts));
        l.getStyleClass().add("top-values");
        return l;
    }

    static Node leakage(QualityReport r) {
        if (r.leakage().isEmpty()) {
            return null;
        }
        boolean auc = r.leakage().getFirst().metric().equals("roc_auc");
        List<MiniCharts.Bar> bars = new ArrayList<>();
        for (LeakageScore s : r.leakage().subList(0, Math.min(MAX_BARS, r.leakage().size()))) {
            bars.add(new MiniCharts.Bar(s.column(), s.score(), s.flagged()));
        }
        Label caption = new Label("Each column alone, 5-fold cross-validated on a seeded sample. Red: near perfect, "
                + "likely leakage (" + (auc ? "ROC AUC \u2265 0.98" : "R\u00b2 \u2265 0.95") + ").");
        caption.getStyleClass().add("section-caption");
        caption.setWrapText(true);
        return section("Predictive power of each column alone", new VBox(4, caption,
                MiniCharts.bars("leakageChart", bars, 1, auc ? "ROC AUC" : "R\u00b2")));
    }

    static Node quickModel(QualityReport r) {
        if (r.quickModel().isEmpty()) {
            return null;
        }
        QuickModel q = r.quickModel().get();
        GridPane metrics = new GridPane();
        metrics.setId("quickModelMetrics");
        metrics.setHgap(16);
        metrics.setVgap(4);
        int row = 0;
        for (Map.Entry<String, Double> m : q.metrics().entrySet()) {
            Label value = new Label(QualityFormat.score(m.getValue()));
            value.getStyleClass().add("metric-value");
            metrics.addRow(row++, new Label(m.getKey()), value);
        }
        List<MiniCharts.Bar> bars = new ArrayList<>();
        q.importance().entrySet().stream().limit(MAX_BARS).forEach(e -> bars.add(new MiniCharts.Bar(e.getKey(), e.getValue(), false)));
        Label caption = new Label("Boosted trees (" + q.algorithm() + ", default settings), " + QualityFormat.count(q.trainRows())
                + " training and " + QualityFormat.count(q.validRows()) + " validation rows; recorded as run " + q.run().value()
                + " of the experiment 'quality-report'.");
        caption.getStyleClass().add("section-caption");
        caption.setWrapText(true);
        VBox left = new VBox(6, new Label("Validation metrics"), metrics);
        VBox right = new VBox(6, new Label("Feature importance (share of gain)"),
                MiniCharts.bars("importanceChart", bars, Double.NaN, "share"));
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(24, left, right);
        return section("Quick model", new VBox(6, caption, body));
    }

    static Node notes(QualityReport r) {
        if (r.notes().isEmpty()) {
            return null;
        }
        VBox box = new VBox(2);
        r.notes().forEach(n -> {
            Label l = new Label(n);
            l.setWrapText(true);
            l.getStyleClass().add("section-caption");
            box.getChildren().add(l);
        });
        return section("Notes", box);
    }

    static VBox section(String title, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        VBox box = new VBox(6, t, content);
        box.getStyleClass().add("report-section");
        return box;
    }
}
