package dev.osprey.app.data;

import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.StorageMode;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * The import sheet: a card over the page (not a separate window, so it never hides behind the
 * studio) that shows the chosen file and asks for name, format and copy-or-link. It is rebuilt
 * for each {@link ImportDraft}; Enter imports, Escape cancels.
 */
final class ImportSheet extends StackPane {
    private static final String HELP = "osprey.help";
    private final ImportFlow flow;

    ImportSheet(ImportFlow flow) {
        this.flow = flow;
        getStyleClass().add("sheet-scrim");
        setId("importSheet");
        visibleProperty().bind(flow.pendingProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        flow.pendingProperty().addListener((o, a, draft) -> show(draft));
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                flow.dismiss();
            }
        });
    }

    private void show(ImportDraft draft) {
        getChildren().clear();
        if (draft == null) {
            return;
        }
        VBox card = new VBox(16);
        card.getStyleClass().add("sheet-card");
        card.setMaxSize(520, Region.USE_PREF_SIZE);

        FontIcon icon = new FontIcon(MaterialDesignD.DATABASE_IMPORT_OUTLINE);
        icon.getStyleClass().add("sheet-icon");
        Label title = new Label("Import " + draft.fileName());
        title.getStyleClass().add("sheet-title");
        Label path = new Label(draft.source().toString());
        path.getStyleClass().addAll("muted", "sheet-path");
        VBox heading = new VBox(2, title, path);
        HBox top = new HBox(12, icon, heading);
        top.setAlignment(Pos.CENTER_LEFT);

        TextField name = new TextField();
        name.setId("importName");
        name.textProperty().bindBidirectional(draft.nameProperty());
        Label nameProblem = new Label();
        nameProblem.setId("importNameProblem");
        nameProblem.getStyleClass().add("field-problem");
        nameProblem.setWrapText(true);
        nameProblem.textProperty().bind(draft.nameProblemProperty());
        nameProblem.visibleProperty().bind(draft.nameProblemProperty().isNotNull());
        nameProblem.managedProperty().bind(nameProblem.visibleProperty());
        // AtlantaFX draws a text field in the :danger state with a red border.
        javafx.css.PseudoClass danger = javafx.css.PseudoClass.getPseudoClass("danger");
        name.pseudoClassStateChanged(danger, draft.nameProblemProperty().get() != null);
        draft.nameProblemProperty().addListener((o, a, b) -> name.pseudoClassStateChanged(danger, b != null));

        ComboBox<DataFormat> format = new ComboBox<>();
        format.setId("importFormat");
        format.getItems().setAll(DataFormat.values());
        format.valueProperty().bindBidirectional(draft.formatProperty());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(DataFormat f) {
                return f == null ? "" : f.label();
            }

            @Override
            public DataFormat fromString(String s) {
                return null;
            }
        });
        Label formatHint = new Label(draft.formatDetected() ? "Detected from the file name."
                : "The file name does not say; check the format.");
        formatHint.getStyleClass().add(draft.formatDetected() ? "muted" : "field-warning");

        ToggleGroup storage = new ToggleGroup();
        RadioButton copy = option(storage, "Copy into workspace",
                "A snapshot in the workspace's data folder: safe when the original moves or changes.");
        copy.setId("importCopy");
        RadioButton link = option(storage, "Link to file",
                "Read the file where it is. Nothing is copied; the file must stay in place.");
        link.setId("importLink");
        storage.selectToggle(draft.modeProperty().get() == StorageMode.LINK ? link : copy);
        storage.selectedToggleProperty().addListener((o, a, t) -> draft.modeProperty().set(
                t == link ? StorageMode.LINK : StorageMode.COPY));

        GridPane form = new GridPane();
        form.getStyleClass().add("sheet-form");
        form.setHgap(14);
        form.setVgap(8);
        form.addRow(0, caption("Name"), name);
        form.add(nameProblem, 1, 1);
        form.addRow(2, caption("Format"), new HBox(10, format, formatHint));
        Label storageCaption = caption("Storage");
        GridPane.setValignment(storageCaption, javafx.geometry.VPos.TOP);
        form.addRow(3, storageCaption, new VBox(10, withHelp(copy), withHelp(link)));
        GridPane.setHgrow(name, Priority.ALWAYS);
        ((HBox) format.getParent()).setAlignment(Pos.CENTER_LEFT);

        Button cancel = new Button("Cancel");
        cancel.setId("importCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> flow.dismiss());
        Button ok = new Button("Import");
        ok.setId("importConfirm");
        ok.getStyleClass().add("accent");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(draft.validProperty().not());
        ok.setOnAction(e -> flow.confirm());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label("Enter to import, Esc to cancel");
        keys.getStyleClass().add("muted");
        HBox buttons = new HBox(8, keys, spacer, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        card.getChildren().addAll(top, form, buttons);
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                flow.dismiss();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && draft.validProperty().get()) {
                flow.confirm();
                e.consume();
            }
        });
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        // Selecting all makes the suggested name easy to replace by typing.
        name.requestFocus();
        name.selectAll();
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static RadioButton option(ToggleGroup group, String title, String help) {
        RadioButton b = new RadioButton(title);
        b.setToggleGroup(group);
        Label h = new Label(help);
        h.getStyleClass().addAll("muted", "option-help");
        h.setWrapText(true);
        b.getProperties().put(HELP, h);
        return b;
    }

    private static VBox withHelp(RadioButton b) {
        Label help = (Label) b.getProperties().get(HELP);
        help.setOnMouseClicked(e -> b.setSelected(true));
        VBox box = new VBox(2, b, help);
        box.getStyleClass().add("sheet-option");
        return box;
    }
}
