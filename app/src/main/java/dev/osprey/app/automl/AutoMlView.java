package dev.osprey.app.automl;

import dev.osprey.app.shell.Page;
import dev.osprey.app.jobpage.Cards;
import dev.osprey.app.jobpage.Combos;
import dev.osprey.app.jobpage.FormParts;
import dev.osprey.app.jobpage.RunHeader;
import dev.osprey.app.tune.MetricFormat;
import dev.osprey.app.tune.ProgressRow;
import dev.osprey.app.tune.RegisterBestRow;
import dev.osprey.app.tune.TuneState;
import dev.osprey.core.automl.AutoMlResult;
import dev.osprey.core.automl.LeaderboardEntry;
import dev.osprey.core.data.Dataset;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The AutoML tab: dataset, target and time budget on the left; on the right the search's
 * progress and Stop, the data checks' warnings, the live leaderboard (copy a candidate as a
 * notebook cell), and the winner's report (metric, parameters, feature importance) with
 * "Register best". Ctrl+Enter starts. Layout and wiring only.
 */
public final class AutoMlView implements Page {
    private static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private final AutoMlViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<CandidateRow> board = new TableView<>();

    public AutoMlView(AutoMlViewModel model) {
        this.model = Objects.requireNonNull(model);
        model.setClipboard(text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        root.setId("automlView");
        root.getProperties().put(AutoMlViewModel.class, model); // tests reach the model through the node
        root.setLeft(form());
        VBox main = new VBox(14, header(), RunHeader.failureBanner("automlFailure", model.failureProperty(), false),
                warningsCard(), leaderboardCard(), winnerCard());
        main.getStyleClass().add("run-area");
        ScrollPane scroll = new ScrollPane(main);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("run-scroll");
        root.setCenter(scroll);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (START.match(e)) {
                model.start();
                e.consume();
            }
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    public AutoMlViewModel model() {
        return model;
    }

    private Node form() {
        ComboBox<Dataset> dataset = new ComboBox<>(model.data().datasets());
        dataset.setId("automlDatasetChoice");
        dataset.setMaxWidth(Double.MAX_VALUE);
        Combos.label(dataset, Dataset::name);
        Combos.sync(dataset, model.data().datasetProperty());
        ComboBox<String> target = new ComboBox<>(model.data().targets());
        target.setId("automlTargetChoice");
        target.setMaxWidth(Double.MAX_VALUE);
        Combos.sync(target, model.data().targetProperty());
        TextField minutes = new TextField();
        minutes.setId("automlMinutes");
        minutes.getStyleClass().add("option-field");
        minutes.textProperty().bindBidirectional(model.minutesProperty());
        GridPane g = FormParts.grid(100);
        g.addRow(0, FormParts.fieldLabel("Dataset", null), dataset);
        g.addRow(1, FormParts.fieldLabel("Target", null), target);
        g.addRow(2, FormParts.fieldLabel("Budget (min)", null), minutes);
        Label about = new Label("AutoML infers the problem type, checks the data, tunes each candidate algorithm "
                + "(boosted trees, random forest, linear or logistic, k-NN, SVM, MLP) within its share of the budget, "
                + "and ranks them by cross-validation.");
        about.getStyleClass().add("hint");
        about.setWrapText(true);
        Label problem = FormParts.problem("automlProblem", model.problemProperty(), model.problemProperty().isNotNull());
        Button start = FormParts.start("startAutoml", "Start AutoML", "Ctrl+Enter", model.canStartProperty(), model::start);
        ScrollPane scroll = new ScrollPane();
        FormParts.column(scroll, new VBox(FormParts.section("AutoML"), g, about, problem, start), 340, 380);
        return scroll;
    }

    private Node header() {
        Label title = new Label("AutoML");
        title.getStyleClass().add("run-title");
        Label state = RunHeader.stateChip("automlState", model.stateProperty(), TuneState::chipText);
        ProgressRow progressRow = new ProgressRow("automlProgress", "stopAutoml", "Stop the search; candidates that finished stay on the leaderboard", model.progressProperty(),
                model.stateProperty(), model::stop);
        Label message = RunHeader.message("automlMessage", model.stateProperty(), TuneState.IDLE,
                "Choose a dataset, its target and a time budget, then Start AutoML (Ctrl+Enter).", model.messageProperty());
        return RunHeader.card(RunHeader.titleRow(title, state, false), progressRow, message);
    }

    private Node warningsCard() {
        VBox lines = new VBox(4);
        lines.setId("automlWarnings");
        Runnable fill = () -> {
            lines.getChildren().clear();
            for (String w : model.warnings()) {
                Label l = new Label(w, new FontIcon(MaterialDesignA.ALERT_OUTLINE));
                l.getStyleClass().add("check-warning");
                l.setWrapText(true);
                lines.getChildren().add(l);
            }
        };
        model.warnings().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        VBox card = Cards.card("warningsCard", "Data checks", "Warnings of the data-quality checks on the dataset and target.", lines);
        card.visibleProperty().bind(Bindings.isNotEmpty(model.warnings()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private Node leaderboardCard() {
        board.setId("leaderboard");
        board.setItems(model.leaderboard());
        board.setPrefHeight(260);
        board.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        board.setPlaceholder(new Label("The candidates appear here once the data is checked."));
        TableColumn<CandidateRow, String> metric = column("metric (CV)", r -> r.value().isPresent()
                ? MetricFormat.value(r.value().getAsDouble()) : "", 110);
        model.objectiveProperty().addListener((o, a, obj) -> metric.setText(obj == null ? "metric (CV)" : obj.metric() + " (CV)"));
        board.getColumns().setAll(java.util.List.of(
                column("#", r -> r.rank() > 0 ? Integer.toString(r.rank()) : "", 36),
                column("candidate", CandidateRow::displayName, 270),
                metric,
                column("trials", r -> r.trials() > 0 ? Integer.toString(r.trials()) : "", 60),
                column("time", r -> r.entry().isPresent() ? MetricFormat.seconds(r.elapsed()) : "", 80),
                column("state", CandidateRow::state, 260)));
        Button copy = new Button("Copy as notebook cell", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("copyNotebookCell");
        copy.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            CandidateRow r = board.getSelectionModel().getSelectedItem();
            return r == null || r.entry().isEmpty();
        }, board.getSelectionModel().selectedItemProperty()));
        copy.setOnAction(e -> model.copyAsNotebookCell(board.getSelectionModel().getSelectedItem()));
        return Cards.card("leaderboardCard", "Leaderboard", "Each candidate tuned within its share of the budget; best first.",
                new VBox(6, board, copy));
    }

    private static TableColumn<CandidateRow, String> column(String title, Function<CandidateRow, String> f, double width) {
        TableColumn<CandidateRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node winnerCard() {
        Label summary = new Label();
        summary.setId("winnerSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            AutoMlResult r = model.resultProperty().get();
            if (r == null || r.best().isEmpty()) {
                return "";
            }
            LeaderboardEntry b = r.best().get();
            return b.displayName() + ": " + r.objective().metric() + " " + MetricFormat.value(b.value()) + " under cross-validation, "
                    + b.trials() + " trials in " + MetricFormat.seconds(b.elapsed()) + ". Parameters: "
                    + String.join(", ", b.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + ".";
        }, model.resultProperty()));
        FeatureBars bars = new FeatureBars();
        model.resultProperty().addListener((o, a, r) -> bars.show(r == null ? java.util.Map.of()
                : r.importance().map(i -> i.byColumn()).orElse(java.util.Map.of())));
        RegisterBestRow row = new RegisterBestRow(new RegisterBestRow.Ids("automlModelName", "automlRegister", "automlRegistered"),
                "Register best", model.modelNameProperty(), model.canRegisterProperty(), model::registerBest,
                model.registeredProperty());
        Label imp = new Label("Feature importance");
        imp.getStyleClass().add("subsection");
        VBox card = Cards.card("winnerCard", "Winner", null, new VBox(8, summary, imp, bars, row));
        card.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.resultProperty().get() != null
                && model.resultProperty().get().best().isPresent(), model.resultProperty()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    /** For tests. */
    TableView<CandidateRow> board() {
        return board;
    }

    /** Used by the winner card and nowhere else: labels never clip, the bars take the rest. */
    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
