package dev.osprey.app.experiments;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Map;

/**
 * A small card of name/value lines under a heading (a run's parameters, a model's metrics). Long
 * values wrap; each value is selectable by its tooltip. Shared by the Experiments and Models pages.
 */
public final class PropertyCard extends VBox {
    /** The style sheet of the Experiments and Models pages (cards, side lists, tables, chips). */
    public static final String STYLESHEET = java.util.Objects.requireNonNull(
            PropertyCard.class.getResource("experiments.css"), "experiments.css").toExternalForm();

    private final GridPane grid = new GridPane();
    private final Label empty;

    public PropertyCard(String icon, String title, String emptyText) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("card-icon");
        Label heading = new Label(title, glyph);
        heading.getStyleClass().add("property-card-title");
        empty = new Label(emptyText);
        empty.getStyleClass().add("property-empty");
        empty.setWrapText(true);
        grid.getStyleClass().add("property-grid");
        grid.setHgap(14);
        grid.setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(110);
        names.setPrefWidth(Region.USE_COMPUTED_SIZE);
        names.setMaxWidth(220);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(60);
        grid.getColumnConstraints().setAll(names, values);
        getChildren().setAll(heading, grid, empty);
        getStyleClass().addAll("card", "property-card");
        setSpacing(10);
        setFillWidth(true);
    }

    /** Replaces the lines; numbers are right-aligned when {@code numeric}. */
    public void show(Map<String, String> lines, boolean numeric) {
        grid.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> e : lines.entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("property-name");
            name.setWrapText(true);
            Label value = new Label(e.getValue());
            value.getStyleClass().addAll("property-value", numeric ? "numeric" : "text");
            value.setWrapText(true);
            value.setTooltip(new Tooltip(e.getKey() + " = " + e.getValue()));
            GridPane.setValignment(name, VPos.TOP);
            GridPane.setHalignment(value, numeric ? HPos.RIGHT : HPos.LEFT);
            grid.addRow(row++, name, value);
        }
        empty.setVisible(lines.isEmpty());
        empty.setManaged(lines.isEmpty());
        grid.setVisible(!lines.isEmpty());
        grid.setManaged(!lines.isEmpty());
    }

    /** Replaces the body with any node (a chart, a table). */
    public void showNode(Node content) {
        getChildren().setAll(getChildren().getFirst(), content);
    }

    /** A row of small labelled facts ("STATUS Finished"), for page headers. */
    public static HBox facts(Node... facts) {
        HBox box = new HBox(28, facts);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("facts");
        return box;
    }

    public static VBox fact(String caption, Label value) {
        Label c = new Label(caption.toUpperCase(java.util.Locale.ROOT));
        c.getStyleClass().add("fact-caption");
        value.getStyleClass().add("fact-value");
        return new VBox(2, c, value);
    }
}
