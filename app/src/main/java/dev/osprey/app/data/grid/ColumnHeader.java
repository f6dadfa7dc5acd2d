package dev.osprey.app.data.grid;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnSummary;
import dev.osprey.core.data.GridQuery;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * A column's header: its name with the sort arrow, its type and missing share, and a small
 * histogram (numbers) or top-value bars (the rest) once the summaries are in. The name row
 * sorts; the chart opens the profile (wired by {@link DataGrid}).
 */
final class ColumnHeader extends VBox {
    private final Column column;
    private final Label name = new Label();
    private final Label sort = new Label();
    private final Label meta = new Label();
    private final MiniChart chart = new MiniChart(96, 22);
    private final HBox nameRow;

    ColumnHeader(Column column) {
        this.column = column;
        getStyleClass().add("grid-header");
        setId("grid-header-" + column.name());
        name.setText(column.name());
        name.getStyleClass().add("grid-header-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        sort.getStyleClass().add("grid-header-sort");
        meta.getStyleClass().add("grid-header-meta");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        nameRow = new HBox(4, name, gap, sort);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        nameRow.getStyleClass().add("grid-header-name-row");
        chart.setId("grid-chart-" + column.name());
        setSpacing(2);
        setFillWidth(true);
        getChildren().addAll(nameRow, meta, chart);
        show(null, GridQuery.NONE, false);
    }

    /** A column width that shows the whole name in the header's bold type (and the sort arrow). */
    static double width(Column column) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(column.name());
        t.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 14));
        return Math.clamp(t.getLayoutBounds().getWidth() + 48, 120, 320);
    }

    HBox nameRow() {
        return nameRow;
    }

    MiniChart chart() {
        return chart;
    }

    void show(ColumnSummary s, GridQuery query, boolean selected) {
        String type = GridFormats.type(column.type()).toLowerCase(Locale.ROOT);
        if (s == null) {
            meta.setText(type);
        } else {
            meta.setText(type + " \u00b7 " + percent(s.missingShare()) + " missing");
        }
        chart.show(s);
        Tooltip.install(chart, new Tooltip(tooltip(s)));
        List<GridQuery.SortKey> keys = query.sort();
        String arrow = "";
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).column().equals(column.name())) {
                arrow = (keys.get(i).descending() ? "\u25bc" : "\u25b2") + (keys.size() > 1 ? String.valueOf(i + 1) : "");
            }
        }
        sort.setText(arrow);
        getStyleClass().remove("selected-column");
        if (selected) {
            getStyleClass().add("selected-column");
        }
    }

    static String percent(double share) {
        if (share == 0) {
            return "0%";
        }
        return share < 0.001 ? "<0.1%" : String.format(Locale.ROOT, share < 0.1 ? "%.1f%%" : "%.0f%%", share * 100);
    }

    private String tooltip(ColumnSummary s) {
        if (s == null) {
            return column.name() + ": summarising…";
        }
        StringBuilder sb = new StringBuilder(column.name()).append("\nClick for its profile");
        if (!s.topValues().isEmpty()) {
            sb.append("\nTop values:");
            for (ColumnSummary.TopValue t : s.topValues()) {
                sb.append("\n  ").append(t.value()).append("  ").append(GridFormats.count(t.count()));
            }
        }
        return sb.toString();
    }
}
