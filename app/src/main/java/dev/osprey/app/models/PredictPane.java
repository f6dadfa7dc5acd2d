package dev.osprey.app.models;

import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Map;

/**
 * The Predict form: one field per input column of the signature (a combo box for a category),
 * a Predict button, and the prediction with each class's probability for a classifier. Scores
 * in this process with the loaded model; nothing is served.
 */
final class PredictPane extends ScrollPane {
    private final ModelsViewModel vm;
    private final GridPane form = new GridPane();
    private final VBox result = new VBox(6);
    private final Label value = new Label();
    private final Label caption = new Label();
    private final GridPane probabilities = new GridPane();
    private final Label error = new Label(null, new FontIcon("mdi2a-alert-circle-outline"));

    PredictPane(ModelsViewModel vm) {
        this.vm = vm;
        setId("predictPane");
        getStyleClass().add("detail-scroll");
        setFitToWidth(true);

        Label intro = new Label("Type one row and predict it with this version, in the studio's own process.");
        intro.getStyleClass().add("property-empty");
        intro.setWrapText(true);
        form.getStyleClass().add("predict-form");
        form.setHgap(12);
        form.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(160);
        fields.setMaxWidth(320);
        ColumnConstraints types = new ColumnConstraints();
        form.getColumnConstraints().setAll(names, fields, types);

        Button predict = new Button("Predict", new FontIcon("mdi2p-play"));
        predict.setId("predictButton");
        predict.getStyleClass().add("accent");
        predict.setDefaultButton(false);
        predict.disableProperty().bind(vm.cardProperty().isNull());
        predict.setOnAction(e -> vm.predict());
        Button clear = new Button("Clear");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> vm.clearForm());
        HBox buttons = new HBox(8, predict, clear);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox formCard = new VBox(12, sectionTitle("mdi2f-form-textbox", "Input row"), intro, form, buttons);
        formCard.getStyleClass().addAll("card", "property-card");
        formCard.setMinWidth(360);
        formCard.setPrefWidth(480);

        value.setId("predictionValue");
        value.getStyleClass().add("prediction-value");
        caption.setId("predictionCaption");
        caption.getStyleClass().add("property-empty");
        probabilities.setHgap(10);
        probabilities.setVgap(5);
        error.setId("predictionError");
        error.getStyleClass().add("error-line");
        error.setWrapText(true);
        error.textProperty().bind(vm.predictErrorProperty());
        error.visibleProperty().bind(vm.predictErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label waiting = new Label("Fill in the fields and press Predict.");
        waiting.getStyleClass().add("property-empty");
        waiting.visibleProperty().bind(vm.predictionProperty().isNull().and(vm.predictErrorProperty().isEmpty()));
        waiting.managedProperty().bind(waiting.visibleProperty());
        result.getChildren().setAll(sectionTitle("mdi2c-crosshairs-gps", "Prediction"), waiting, value, caption, probabilities, error);
        result.getStyleClass().addAll("card", "property-card", "prediction-card");
        result.setMinWidth(280);
        HBox.setHgrow(result, Priority.ALWAYS);

        HBox body = new HBox(14, formCard, result);
        body.getStyleClass().add("card-body");
        setContent(body);

        vm.inputs().addListener((ListChangeListener<InputField>) c -> buildForm());
        vm.predictionProperty().addListener((o, a, p) -> showResult(p));
        buildForm();
        showResult(null);
    }

    private static Node sectionTitle(String icon, String text) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("card-icon");
        Label l = new Label(text, glyph);
        l.getStyleClass().add("property-card-title");
        return l;
    }

    private void buildForm() {
        form.getChildren().clear();
        int row = 0;
        for (InputField f : vm.inputs()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("field-caption");
            Node field;
            if (f.categorical()) {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().setAll(f.categories());
                combo.setEditable(true);
                combo.setPromptText(f.placeholder());
                combo.valueProperty().bindBidirectional(f.valueProperty());
                combo.setMaxWidth(Double.MAX_VALUE);
                field = combo;
            } else {
                TextField text = new TextField();
                text.setPromptText(f.placeholder());
                text.textProperty().bindBidirectional(f.valueProperty());
                text.setOnAction(e -> vm.predict()); // Enter in any field predicts
                field = text;
            }
            field.setId("input-" + f.name());
            field.getStyleClass().add("predict-field");
            Label type = new Label(f.type());
            type.getStyleClass().addAll("chip", "type-chip");
            type.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setHalignment(type, HPos.LEFT);
            form.addRow(row++, name, field, type);
        }
    }

    private void showResult(PredictionResult p) {
        boolean shown = p != null;
        value.setVisible(shown);
        value.setManaged(shown);
        caption.setVisible(shown);
        caption.setManaged(shown);
        probabilities.getChildren().clear();
        if (!shown) {
            return;
        }
        value.setText(p.headline());
        caption.setText(p.caption());
        int row = 0;
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("property-name");
            ProgressBar bar = new ProgressBar(e.getValue());
            bar.setPrefWidth(180);
            Label pct = new Label(PredictionResult.percent(e.getValue()));
            pct.getStyleClass().addAll("property-value", "numeric");
            probabilities.addRow(row++, name, bar, pct);
        }
    }
}
