package dev.osprey.app.jobpage;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The parts of the forms on the left of the Training, Tuning and AutoML pages: the scrolling
 * column, section heads, label-and-field grids, the "why it cannot start" line and the Start
 * button. Layout and binding only.
 */
public final class FormParts {
    private FormParts() {
    }

    /** {@code scroll} shows {@code content} as the form column, scrolling only up and down. */
    public static void column(ScrollPane scroll, VBox content, double minWidth, double prefWidth) {
        scroll.getStyleClass().add("setup-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        content.getStyleClass().add("setup-form");
        scroll.setContent(content);
        scroll.setMinWidth(minWidth);
        scroll.setPrefWidth(prefWidth);
    }

    public static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }

    /** A field's label, never clipped; {@code target} (may be null) is the field it names. */
    public static Label fieldLabel(String text, Node target) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Labels on the left (at least {@code labelWidth} wide), fields taking the rest. */
    public static GridPane grid(double labelWidth) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(labelWidth);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    /** Why the job cannot start yet, shown while {@code visible}. */
    public static Label problem(String id, ObservableStringValue text, ObservableBooleanValue visible) {
        return notice(id, "setup-problem", MaterialDesignA.ALERT_CIRCLE_OUTLINE, text, visible);
    }

    /** A wrapping line of {@code style} with {@code icon} (or none), taking room only while {@code visible}. */
    static Label notice(String id, String style, Ikon icon, ObservableStringValue text, ObservableBooleanValue visible) {
        Label notice = new Label();
        notice.setId(id);
        notice.getStyleClass().add(style);
        notice.setWrapText(true);
        if (icon != null) {
            notice.setGraphic(new FontIcon(icon));
        }
        notice.textProperty().bind(text);
        notice.visibleProperty().bind(visible);
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    /** The Start button: enabled while {@code canStart}, runs {@code start}. */
    public static Button start(String id, String text, String tip, BooleanExpression canStart, Runnable start) {
        Button button = new Button(text, new FontIcon(MaterialDesignP.PLAY));
        button.setId(id);
        button.getStyleClass().addAll("accent", "start-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setTooltip(new Tooltip(tip));
        button.disableProperty().bind(canStart.not());
        button.setOnAction(e -> start.run());
        return button;
    }
}
