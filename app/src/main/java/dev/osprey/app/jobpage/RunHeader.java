package dev.osprey.app.jobpage;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.function.Function;

/**
 * The parts of the status card at the top of the Training, Tuning and AutoML pages (title, state
 * chip, progress, the line under it) and of the failure banner below it. Layout and binding only.
 */
public final class RunHeader {
    private RunHeader() {
    }

    /** The card: the title row, the progress row, the message line. */
    public static VBox card(Node titleRow, Node progressRow, Node message) {
        VBox box = new VBox(8, titleRow, progressRow, message);
        box.getStyleClass().addAll("result-card", "run-header");
        return box;
    }

    /** Title and state chip; {@code gap}: a growing space after them. */
    public static HBox titleRow(Label title, Label chip, boolean gap) {
        HBox top = new HBox(10, title, chip);
        if (gap) {
            Region space = new Region();
            HBox.setHgrow(space, Priority.ALWAYS);
            top.getChildren().add(space);
        }
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    /** The run's title, or {@code none} while it has none. */
    public static Label title(String id, ReadOnlyStringProperty title, String none) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("run-title");
        label.textProperty().bind(Bindings.when(title.isEmpty()).then(none).otherwise(title));
        return label;
    }

    /** The state chip: {@code text} of the state, hidden while that is empty. */
    public static <S> Label stateChip(String id, ReadOnlyObjectProperty<S> state, Function<S, String> text) {
        Label chip = new Label();
        chip.setId(id);
        chip.getStyleClass().add("state-chip");
        chip.textProperty().bind(Bindings.createStringBinding(() -> text.apply(state.get()), state));
        chip.visibleProperty().bind(chip.textProperty().isNotEmpty());
        return chip;
    }

    /** Colours the chip by each new state: the style class {@code style} names, instead of the last one. */
    public static <S> Label styledByState(Label chip, ReadOnlyObjectProperty<S> state, Function<S, String> style) {
        state.addListener((o, a, b) -> {
            chip.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-chip"));
            chip.getStyleClass().add(style.apply(b));
        });
        return chip;
    }

    /** The line under the progress bar: {@code idleText} (what to do first) while idle, else the page's message. */
    public static <S> Label message(String id, ReadOnlyObjectProperty<S> state, S idle, String idleText, ObservableStringValue message) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.when(state.isEqualTo(idle)).then(idleText).otherwise(message));
        return label;
    }

    /** Why the last job failed, shown only while it did; {@code icon}: with the alert icon. */
    public static Label failureBanner(String id, ReadOnlyStringProperty failure, boolean icon) {
        Label banner = FormParts.notice(id, "failure-banner", icon ? MaterialDesignA.ALERT_OCTAGON_OUTLINE : null, failure,
                failure.isNotNull());
        banner.setMaxWidth(Double.MAX_VALUE);
        return banner;
    }
}
