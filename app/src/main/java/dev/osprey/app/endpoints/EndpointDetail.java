package dev.osprey.app.endpoints;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The chosen endpoint: name, status and URL with stop / restart / swap; a failed server's reason
 * and log; live traffic; the "try it" form with the answer and the curl command; recent errors.
 */
final class EndpointDetail extends ScrollPane {
    private final EndpointsViewModel vm;
    private final Label title = new Label("Endpoints");
    private final Label status = new Label();
    private final Hyperlinkish url = new Hyperlinkish();
    private final Label meta = new Label();
    private final Label stats = new Label();
    private final TextArea failure = new TextArea();
    private final TrafficCharts charts = new TrafficCharts();
    private final ListView<String> errors = new ListView<>();
    private final ComboBox<Integer> swapVersion = new ComboBox<>();
    private final Button stop = new Button("Stop", new FontIcon("mdi2s-stop-circle-outline"));
    private final Button restart = new Button("Restart", new FontIcon("mdi2r-restart"));
    private final Button remove = new Button("Remove", new FontIcon("mdi2d-delete-outline"));
    private final Button swap = new Button("Swap", new FontIcon("mdi2s-swap-horizontal"));
    private final GridPane form = new GridPane();
    private final VBox body;
    private final ChangeListener<Object> rowChanged = (o, a, b) -> refresh();
    private EndpointRow row;

    EndpointDetail(EndpointsViewModel vm) {
        this.vm = vm;
        setId("endpointDetail");
        setFitToWidth(true);
        getStyleClass().add("detail-scroll");
        title.setId("endpointTitle");
        title.getStyleClass().add("page-title");
        status.setId("endpointStatus");
        status.getStyleClass().add("chip");
        url.setId("endpointUrl");
        meta.getStyleClass().add("muted");
        stats.setId("endpointStats");
        stats.getStyleClass().add("muted");
        failure.setId("endpointFailure");
        failure.setEditable(false);
        failure.setWrapText(true);
        failure.setPrefRowCount(7);
        failure.getStyleClass().add("log-tail");
        failure.managedProperty().bind(failure.visibleProperty());
        stop.setId("stopButton");
        stop.getStyleClass().addAll("danger", "button-outlined");
        stop.setOnAction(e -> vm.stop(row));
        restart.setId("restartButton");
        restart.getStyleClass().add("accent");
        restart.setOnAction(e -> vm.restart(row));
        remove.setId("removeButton");
        remove.getStyleClass().add("flat");
        remove.setOnAction(e -> vm.remove(row));
        swapVersion.setId("swapVersion");
        swapVersion.setItems(vm.form().versions());
        swapVersion.setPromptText("version");
        swap.setId("swapButton");
        swap.setOnAction(e -> {
            if (swapVersion.getValue() != null) {
                vm.swap(row, swapVersion.getValue());
            }
        });
        swap.disableProperty().bind(swapVersion.valueProperty().isNull());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, title, status, gap, swapVersion, swap, stop, restart, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox where = new HBox(10, url, meta);
        where.setAlignment(Pos.CENTER_LEFT);

        errors.setId("endpointErrors");
        errors.setPrefHeight(110);
        errors.setPlaceholder(new Label("No errors."));

        body = new VBox(12, head, where, stats, failure, card("Traffic", charts), tryItCard(), card("Recent errors", errors));
        body.getStyleClass().add("main-pane");
        Label none = new Label("Deploy a model version to get a live HTTP endpoint on this machine. Choose one on the left.");
        none.getStyleClass().add("empty-text");
        none.setWrapText(true);
        VBox empty = new VBox(none);
        empty.getStyleClass().add("main-pane");
        setContent(empty);
        vm.selectedProperty().addListener((o, a, r) -> {
            show(r);
            setContent(r == null ? empty : body);
        });
        vm.tryIt().fields().addListener((ListChangeListener<TryField>) c -> {
            // typing fires "updated" changes (the list observes each value): rebuild only for a new form
            boolean structural = false;
            while (c.next()) {
                structural |= !c.wasUpdated();
            }
            if (structural) {
                buildForm();
            }
        });
        show(vm.selectedProperty().get());
    }

    private Node tryItCard() {
        TryItModel t = vm.tryIt();
        form.setHgap(10);
        form.setVgap(6);
        Button send = new Button("Send", new FontIcon("mdi2s-send-outline"));
        send.setId("tryItSend");
        send.getStyleClass().add("accent");
        send.disableProperty().bind(t.runningProperty());
        send.setOnAction(e -> t.invoke());
        Label result = new Label();
        result.setId("tryItResult");
        result.getStyleClass().add("prediction-value");
        result.textProperty().bind(t.resultProperty());
        Label caption = new Label();
        caption.setId("tryItCaption");
        caption.getStyleClass().add("muted");
        caption.textProperty().bind(t.captionProperty());
        caption.setWrapText(true);
        Label error = new Label(null, new FontIcon("mdi2a-alert-circle-outline"));
        error.setId("tryItError");
        error.getStyleClass().add("error-line");
        error.setWrapText(true);
        error.textProperty().bind(t.errorProperty());
        error.visibleProperty().bind(t.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox answer = new VBox(4, result, caption, error);
        answer.setMinWidth(220);
        HBox.setHgrow(answer, Priority.ALWAYS);
        VBox left = new VBox(10, form, send);
        HBox top = new HBox(24, left, answer);

        TextField curl = new TextField();
        curl.setId("curlCommand");
        curl.setEditable(false);
        curl.getStyleClass().add("curl");
        curl.textProperty().bind(t.curlProperty());
        HBox.setHgrow(curl, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon("mdi2c-content-copy"));
        copy.setId("copyCurl");
        copy.setTooltip(new javafx.scene.control.Tooltip("Copy the curl command"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(t.curlProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox curlRow = new HBox(6, curl, copy);
        curlRow.setAlignment(Pos.CENTER_LEFT);
        return card("Try it", new VBox(12, top, curlRow));
    }

    private void buildForm() {
        form.getChildren().clear();
        int r = 0;
        for (TryField f : vm.tryIt().fields()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("field-caption");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Node field;
            if (!f.categories().isEmpty()) {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().setAll(f.categories());
                combo.setEditable(true);
                combo.valueProperty().bindBidirectional(f.valueProperty());
                field = combo;
            } else {
                TextField text = new TextField();
                text.setPrefColumnCount(10);
                text.setPromptText(f.type());
                text.textProperty().bindBidirectional(f.valueProperty());
                text.setOnAction(e -> vm.tryIt().invoke());
                field = text;
            }
            field.setId("try-" + f.name());
            Label type = new Label(f.type());
            type.getStyleClass().addAll("chip", "type-chip");
            type.setMinWidth(Region.USE_PREF_SIZE);
            form.addRow(r++, name, field, type);
        }
    }

    private void show(EndpointRow r) {
        if (row != null) {
            row.statusProperty().removeListener(rowChanged);
            row.configProperty().removeListener(rowChanged);
            row.urlProperty().removeListener(rowChanged);
            row.messageProperty().removeListener(rowChanged);
            stats.textProperty().unbind();
        }
        row = r;
        errors.setItems(r == null ? null : r.errors());
        charts.show(r);
        if (r == null) {
            return;
        }
        r.statusProperty().addListener(rowChanged);
        r.configProperty().addListener(rowChanged);
        r.urlProperty().addListener(rowChanged);
        r.messageProperty().addListener(rowChanged);
        stats.textProperty().bind(r.statsProperty());
        refresh();
    }

    private void refresh() {
        EndpointRow r = row;
        if (r == null) {
            return;
        }
        EndpointStatus s = r.status();
        title.setText(r.name().value());
        status.setText(s.text());
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        status.getStyleClass().add("status-" + s.name().toLowerCase(Locale.ROOT));
        url.setText(r.url().isEmpty() ? "not running" : r.url());
        meta.setText(r.config().model() + " v" + r.config().version()
                + (r.config().capture() ? " \u00b7 capturing " + r.config().samplePercent() + "%" : "")
                + (r.config().hasToken() ? " \u00b7 bearer token" : ""));
        failure.setText(r.message());
        failure.setVisible(s == EndpointStatus.FAILED && !r.message().isEmpty());
        boolean up = s == EndpointStatus.READY || s == EndpointStatus.STARTING;
        stop.setDisable(!up);
        restart.setDisable(up);
        swapVersion.setDisable(s != EndpointStatus.READY);
    }

    private static VBox card(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("property-card-title");
        VBox box = new VBox(8, l, content);
        box.getStyleClass().addAll("card", "property-card");
        return box;
    }

    /** The URL as selectable text (a label cannot be copied from). */
    private static final class Hyperlinkish extends TextField {
        Hyperlinkish() {
            setEditable(false);
            getStyleClass().add("endpoint-url");
            setPrefColumnCount(24);
        }
    }
}
