package dev.osprey.app.tune;

import dev.osprey.core.registry.ModelVersion;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Model name [field] [Register best]" and, once done, "Registered: NAME version N" below it: the
 * last step of a tuning job and of an AutoML search, bound to the page's view model.
 */
public final class RegisterBestRow extends VBox {
    /** The node ids tests and styles use: the name field, the button, the "Registered" line. */
    public record Ids(String name, String button, String done) {
    }

    public RegisterBestRow(Ids ids, String buttonText, StringProperty modelName, BooleanBinding canRegister,
                           Runnable register, ReadOnlyObjectProperty<ModelVersion> registered) {
        super(8);
        TextField name = new TextField();
        name.setId(ids.name());
        name.setPromptText("model name");
        name.setPrefColumnCount(16);
        name.textProperty().bindBidirectional(modelName);
        Button button = new Button(buttonText);
        button.setId(ids.button());
        button.getStyleClass().add("accent");
        button.disableProperty().bind(canRegister.not());
        button.setOnAction(e -> register.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        Label nameLabel = new Label("Model name");
        nameLabel.getStyleClass().add("field-label");
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, nameLabel, name, button);
        row.setAlignment(Pos.CENTER_LEFT);
        Label done = new Label();
        done.setId(ids.done());
        done.getStyleClass().add("hint");
        done.setWrapText(true);
        done.textProperty().bind(Bindings.createStringBinding(() -> registered.get() == null ? ""
                : "Registered: " + registered.get().name() + " version " + registered.get().version(), registered));
        done.visibleProperty().bind(done.textProperty().isNotEmpty());
        done.managedProperty().bind(done.visibleProperty());
        getChildren().addAll(row, done);
    }
}
