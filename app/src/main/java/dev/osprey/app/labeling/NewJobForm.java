package dev.osprey.app.labeling;

import dev.osprey.app.DialogService;
import dev.osprey.core.label.LabelTaskType;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The dashboard's "New job" form: name, task, classes and annotations per item, created from a
 * folder of images, a text file, or (for text tasks) a text column of a workspace dataset.
 */
final class NewJobForm {
    private NewJobForm() {
    }

    static Node build(LabelingViewModel model, DialogService dialogs) {
        TextField name = new TextField();
        name.setPromptText("job name");
        name.setId("newJobName");
        ChoiceBox<LabelTaskType> type = new ChoiceBox<>(FXCollections.observableArrayList(LabelTaskType.values()));
        type.setValue(LabelTaskType.IMAGE_CLASSIFICATION);
        type.setId("newJobType");
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LabelTaskType t) {
                return t == null ? "" : t.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }

            @Override
            public LabelTaskType fromString(String s) {
                return LabelTaskType.valueOf(s.toUpperCase(Locale.ROOT).replace(' ', '_'));
            }
        });
        TextField classes = new TextField();
        classes.setPromptText("classes, comma-separated");
        classes.setId("newJobClasses");
        classes.setPrefColumnCount(16);
        Spinner<Integer> perItem = new Spinner<>(1, 50, 1);
        perItem.setPrefWidth(70);
        Button create = new Button("Create from…");
        create.setId("newJobCreate");
        create.setOnAction(e -> {
            LabelTaskType t = type.getValue();
            var chosen = t.textItems() ? dialogs.chooseFile("Texts to label (one per line)", null, "txt")
                    : dialogs.chooseDirectory("Folder of images to label", null);
            chosen.ifPresent(p -> model.create(name.getText().strip(), t, classes.getText(), perItem.getValue(), p));
        });

        // a text job can also take its items from a dataset's column
        ComboBox<String> dataset = new ComboBox<>(model.datasets());
        dataset.setPromptText("dataset");
        dataset.setId("newJobDataset");
        ComboBox<String> column = new ComboBox<>();
        column.setPromptText("text column");
        column.setId("newJobColumn");
        dataset.valueProperty().addListener((o, a, d) -> {
            column.getItems().clear();
            if (d != null) {
                model.columnsOf(d).thenAccept(cols -> {
                    if (d.equals(dataset.getValue())) {
                        column.getItems().setAll(cols);
                    }
                });
            }
        });
        Button fromDataset = new Button("Create from dataset");
        fromDataset.setId("newJobFromDataset");
        fromDataset.setOnAction(e -> model.createFromDataset(name.getText().strip(), type.getValue(), classes.getText(),
                perItem.getValue(), dataset.getValue(), column.getValue()));
        Label or = new Label("or, for texts, from");
        var notText = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> type.getValue() == null || !type.getValue().textItems(), type.valueProperty());
        for (Node n : List.of(or, dataset, column, fromDataset)) {
            n.disableProperty().bind(notText);
        }

        Label newJob = new Label("New job");
        newJob.setStyle("-fx-font-weight: bold;");
        Label per = new Label("annotations per item");
        for (var n : List.of(newJob, per, create, or, fromDataset)) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane row = new FlowPane(8, 8, newJob, name, type, classes, per, perItem, create, or, dataset, column, fromDataset);
        row.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setId("labelingMessage");
        message.setWrapText(true);
        VBox form = new VBox(6, row, message);
        form.setPadding(new Insets(12, 16, 0, 16));
        return form;
    }
}
