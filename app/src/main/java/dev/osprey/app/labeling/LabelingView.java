package dev.osprey.app.labeling;

import dev.osprey.app.shell.Page;
import dev.osprey.app.ui.Sidebar;
import dev.osprey.core.label.LabelFormat;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelStats;
import dev.osprey.core.label.LabelStore;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.labeling.ImageLoader;
import dev.osprey.labeling.LabelingPanel;
import dev.osprey.labeling.LabelingSession;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The Labeling page: jobs on the left; for the chosen job its progress per class and annotator,
 * agreement, a confidence histogram and the review queue, with the actions (start labeling as a
 * named annotator, consolidate, auto-label, train a model, export). Labeling itself takes over
 * the page in a {@link LabelingPanel}; Close (or Esc) comes back here.
 */
public final class LabelingView implements Page {
    private final LabelingViewModel model;
    private final dev.osprey.app.DialogService dialogs;
    private final StackPane root = new StackPane();
    private final Node dashboard;
    private final VBox detail = new VBox(14);
    private ImageLoader loader;

    public LabelingView(LabelingViewModel model, dev.osprey.app.DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        Sidebar<LabelJob> side = new Sidebar<>("Labeling jobs", model.jobs(), l -> new ListCell<>() {
            @Override
            protected void updateItem(LabelJob job, boolean empty) {
                super.updateItem(job, empty);
                setText(empty || job == null ? null : job.name() + "  ·  " + job.items() + " items");
            }
        }, model.selectedProperty(), model.selectedProperty()::set, model.busyProperty(), model::refresh,
                "Read the jobs again", "No labeling jobs yet. Create one with New job, or osprey label create.");
        detail.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(new VBox(14, NewJobForm.build(model, dialogs), detail));
        scroll.setFitToWidth(true);
        scroll.setId("labelingScroll");
        dashboard = side.besideOf(scroll);
        root.getChildren().add(dashboard);
        root.setId("labelingPage");
        root.getStyleClass().addAll("studio-page", "labeling-page"); // the shared sidebar look is scoped to studio pages
        root.getStylesheets().add(dev.osprey.app.experiments.PropertyCard.STYLESHEET); // the shared sidebar look
        model.summaryProperty().addListener((o, a, s) -> render(s));
        render(null);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        model.refresh();
    }

    private void render(JobSummary s) {
        if (s == null) {
            Label hint = new Label(model.jobs().isEmpty()
                    ? "No labeling job yet. Name one above, pick its task and classes, and create it from a folder of images"
                    + " or a text file (one text per line); or bring labels in with osprey label import."
                    : "Choose a job on the left.");
            hint.setWrapText(true);
            hint.getStyleClass().add("empty-text");
            detail.getChildren().setAll(hint);
            return;
        }
        LabelJob job = s.job();
        Label title = new Label(job.name());
        title.getStyleClass().add("title-3");
        Label kind = new Label(job.spec().type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " · "
                + job.spec().annotationsPerItem() + " annotation(s) per item · " + job.spec().classes().size() + " classes");
        TextField who = new TextField();
        who.textProperty().bindBidirectional(model.annotatorProperty());
        who.setPrefColumnCount(10);
        who.setId("annotatorName");
        Button start = new Button("Start labeling");
        start.setId("startLabeling");
        start.setDefaultButton(true);
        start.setOnAction(e -> startLabeling(job));
        Button consolidate = button("Consolidate", "consolidate", () -> model.consolidate());
        Button auto = button("Auto-label", "autoLabel", () -> model.autoLabel());
        Button train = button("Train a model", "trainModel", () -> model.trainModel());
        MenuButton export = new MenuButton("Export");
        export.setId("exportMenu");
        for (LabelFormat f : LabelFormat.values()) {
            MenuItem item = new MenuItem(f.name().toLowerCase(Locale.ROOT));
            item.setId("export-" + f.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> model.export(f));
            export.getItems().add(item);
        }
        boolean classification = job.spec().type() == LabelTaskType.IMAGE_CLASSIFICATION
                || job.spec().type() == LabelTaskType.TEXT_CLASSIFICATION;
        auto.setDisable(!classification);
        train.setDisable(!classification);
        MenuButton prelabel = new MenuButton("Pre-label with model…");
        prelabel.setId("prelabelMenu");
        prelabel.disableProperty().bind(model.prelabel().runningProperty());
        prelabel.setOnShowing(e -> fillModels(prelabel));
        fillModels(prelabel);
        FlowPane actions = new FlowPane(8, 8, new Label("Annotator"), who, start, consolidate, auto, train, prelabel, export);
        actions.setAlignment(Pos.CENTER_LEFT);

        LabelStore.Progress p = s.progress();
        Label progress = new Label(String.format(Locale.ROOT, "%d of %d items done (%.0f%%) · %d machine-labelled · %d with a model's suggestion",
                p.done(), p.items(), p.items() == 0 ? 0.0 : 100.0 * p.done() / p.items(), p.machineLabelled(), s.suggestions()));
        progress.setId("jobProgress");
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(p.items() == 0 ? 0 : (double) p.done() / p.items());
        bar.setMaxWidth(Double.MAX_VALUE);

        LabelStats st = s.stats();
        Label agreement = new Label("Agreement: Cohen's κ " + fmt(st.cohensKappa()) + " · Fleiss' κ " + fmt(st.fleissKappa())
                + " · Krippendorff's α " + fmt(st.krippendorffAlpha()) + " · " + st.goldItems() + " gold item(s)");
        agreement.setId("agreement");

        GridPane annotators = new GridPane();
        annotators.setHgap(18);
        annotators.setVgap(4);
        annotators.addRow(0, bold("Annotator"), bold("Answers"), bold("Mean s"), bold("vs consolidated"), bold("vs gold"));
        int r = 1;
        for (var e : st.annotators().entrySet()) {
            var f = e.getValue();
            annotators.addRow(r++, new Label(e.getKey()), new Label(Long.toString(f.answers())),
                    new Label(String.format(Locale.ROOT, "%.1f", f.meanSeconds())), new Label(fmt(f.accuracyVsConsolidated())),
                    new Label(fmt(f.accuracyVsGold())));
        }
        annotators.setId("annotatorTable");

        BarChart<String, Number> perClass = chart("Consolidated labels per class");
        XYChart.Series<String, Number> classes = new XYChart.Series<>();
        st.consolidatedPerClass().forEach((k, v) -> classes.getData().add(new XYChart.Data<>(k, v)));
        perClass.getData().add(classes);

        BarChart<String, Number> confidence = chart("Confidence of consolidated labels");
        XYChart.Series<String, Number> bins = new XYChart.Series<>();
        for (int i = 0; i < JobSummary.BINS; i++) {
            bins.getData().add(new XYChart.Data<>(String.format(Locale.ROOT, "%.1f", (double) i / JobSummary.BINS), s.confidenceHistogram()[i]));
        }
        confidence.getData().add(bins);
        HBox charts = new HBox(12, perClass, confidence);
        HBox.setHgrow(perClass, Priority.ALWAYS);
        HBox.setHgrow(confidence, Priority.ALWAYS);

        detail.getChildren().setAll(new VBox(4, title, kind), actions, prelabelRow(job), progress, bar, agreement, annotators, charts,
                ReviewSection.build(s, model, this::openPanel));
    }

    private void startLabeling(LabelJob job) {
        String who = model.annotatorProperty().get().strip();
        if (who.isEmpty()) {
            model.messageProperty().set("Type the annotator's name first.");
            return;
        }
        openPanel(new LabelingSession(model.engine().labeling().store(), job, who));
    }

    /** Labeling (or reviewing) takes over the page; Close or Esc comes back to the dashboard. */
    private void openPanel(LabelingSession session) {
        if (loader == null) {
            loader = new ImageLoader(model.engine().workspace().root(), 2048, true);
        }
        LabelingPanel panel = new LabelingPanel(session, loader);
        panel.setOnClose(() -> {
            root.getChildren().setAll(dashboard);
            model.loadSummary();
        });
        root.getChildren().setAll(panel);
        panel.start();
        panel.requestFocus();
    }

    private void fillModels(MenuButton menu) {
        menu.getItems().clear();
        for (String ref : model.prelabel().models()) {
            MenuItem item = new MenuItem(ref);
            item.setId("prelabel-" + ref.replace(':', '-'));
            item.setOnAction(e -> model.prelabel(ref));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No registered models: train one from these labels and register it (Models)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    /** The pre-labeling job's progress and cancel, and what it did last (or why a model was refused). */
    private Node prelabelRow(LabelJob job) {
        PrelabelViewModel p = model.prelabel();
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.progressProperty().bind(p.progressProperty());
        bar.setPrefWidth(180);
        bar.visibleProperty().bind(p.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Button cancel = button("Cancel", "prelabelCancel", p::cancel);
        cancel.visibleProperty().bind(p.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label status = new Label();
        status.textProperty().bind(p.statusProperty());
        status.setWrapText(true);
        status.setId("prelabelStatus");
        HBox row = new HBox(8, bar, cancel, status);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(p.statusProperty().isNotEmpty().or(p.runningProperty()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static BarChart<String, Number> chart(String title) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        c.setTitle(title);
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.setPrefHeight(240);
        c.setMinWidth(280);
        return c;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static String fmt(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.3f", d.getAsDouble()) : "–";
    }
}
