package dev.osprey.app.labeling;

import dev.osprey.core.label.ConsolidatedLabel;
import dev.osprey.core.label.LabelItem;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelStore;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.core.label.LabelValue;
import dev.osprey.labeling.LabelingSession;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dashboard's review and gold area for every task type: the items to look at (lowest
 * confidence first, all labelled items, or the gold items), and what the owner or a reviewer does
 * with the selected one: settle a class job's item with a class, accept the consolidated answer as
 * it is, review boxes and spans in the labeling panel (the consolidated answer pre-drawn, to accept
 * with Enter or correct), and mark or clear gold.
 */
final class ReviewSection {
    private static final String REVIEW_FIRST = "Review first (lowest confidence)";
    private static final String ALL = "All labelled items";
    private static final String GOLD = "Gold items";

    private ReviewSection() {
    }

    static Node build(JobSummary s, LabelingViewModel model, Consumer<LabelingSession> openPanel) {
        LabelJob job = s.job();
        ChoiceBox<String> show = new ChoiceBox<>(FXCollections.observableArrayList(REVIEW_FIRST, ALL, GOLD));
        show.setValue(REVIEW_FIRST);
        show.setId("reviewFilter");
        ListView<ConsolidatedLabel> list = new ListView<>(FXCollections.observableArrayList(s.review()));
        list.setId("reviewQueue");
        list.setPrefHeight(200);
        list.setPlaceholder(new Label("Nothing to review: every consolidated label is confident and made by people."));
        show.valueProperty().addListener((o, a, v) -> {
            list.getItems().setAll(switch (v) {
                case ALL -> s.consolidated();
                case GOLD -> s.consolidated().stream().filter(c -> c.item().gold().isPresent()).toList();
                default -> s.review();
            });
            list.setPlaceholder(new Label(GOLD.equals(v) ? "No gold items yet: select a labelled item and press Mark gold."
                    : "Nothing here yet."));
        });
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConsolidatedLabel c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : String.format(Locale.ROOT, "#%d  %.2f  %s  →  %s%s%s", c.item().position() + 1,
                        c.confidence(), shorten(c.item().source()), describe(job, c.value()), c.humanAnnotated() ? "" : "  (machine)",
                        c.item().gold().isPresent() ? "  ★ gold" : ""));
            }
        });
        var none = list.getSelectionModel().selectedItemProperty().isNull();

        FlowPane actions = new FlowPane(6, 6);
        actions.setId("reviewActions");
        actions.setAlignment(Pos.CENTER_LEFT);
        LabelTaskType type = job.spec().type();
        boolean singleClass = type == LabelTaskType.IMAGE_CLASSIFICATION || type == LabelTaskType.TEXT_CLASSIFICATION;
        if (singleClass) {
            actions.getChildren().add(new Label("Settle as:"));
            for (int k = 0; k < job.spec().classes().size(); k++) {
                int cls = k;
                Button b = new Button(job.spec().classes().get(k).name());
                b.setId("settle-" + k);
                b.disableProperty().bind(none);
                b.setOnAction(e -> model.review(list.getSelectionModel().getSelectedItem(), cls));
                actions.getChildren().add(b);
            }
        }
        Button accept = button("Accept as is", "acceptReview", none,
                () -> model.accept(list.getSelectionModel().getSelectedItem()));
        Button inPanel = button(singleClass ? "Review in panel…" : "Review " + (type == LabelTaskType.BOUNDING_BOX ? "boxes" : "spans")
                + " in panel…", "reviewInPanel", javafx.beans.binding.Bindings.isEmpty(list.getItems()), () -> {
            List<ConsolidatedLabel> items = list.getItems();
            int from = Math.max(0, list.getSelectionModel().getSelectedIndex());
            if (!items.isEmpty()) {
                openPanel.accept(session(model, job, items.subList(from, items.size())));
            }
        });
        Button gold = button("Mark gold", "markGold", none, () -> model.markGold(list.getSelectionModel().getSelectedItem()));
        Button clearGold = button("Clear gold", "clearGold", none, () -> model.clearGold(list.getSelectionModel().getSelectedItem()));
        actions.getChildren().addAll(accept, inPanel, gold, clearGold);

        Label heading = new Label("Review and gold");
        heading.setStyle("-fx-font-weight: bold;");
        Label hint = new Label("Gold: the selected item's consolidated (or settled) answer becomes its true label; "
                + "annotators are scored against gold items (vs gold).");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        HBox top = new HBox(12, heading, show);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, top, list, actions, hint);
    }

    /** A reviewer's panel session over {@code items}, each with its consolidated answer in hand. */
    static LabelingSession session(LabelingViewModel model, LabelJob job, List<ConsolidatedLabel> items) {
        Map<Long, LabelStore.Suggestion> proposed = new LinkedHashMap<>();
        List<LabelItem> walk = items.stream().map(ConsolidatedLabel::item).toList();
        for (ConsolidatedLabel c : items) {
            proposed.put(c.item().id(), new LabelStore.Suggestion(c.value(), c.confidence()));
        }
        return LabelingSession.review(model.engine().labeling().store(), job, model.reviewer(), walk, proposed);
    }

    private static Button button(String text, String id, javafx.beans.value.ObservableBooleanValue disabled, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(disabled);
        b.setOnAction(e -> action.run());
        return b;
    }

    static String describe(LabelJob job, LabelValue v) {
        return switch (v) {
            case LabelValue.Classes c -> String.join(", ", c.classes().stream().map(k -> job.spec().classes().get(k).name()).toList());
            case LabelValue.Boxes b -> b.boxes().size() + (b.boxes().size() == 1 ? " box" : " boxes");
            case LabelValue.Spans sp -> sp.spans().size() + (sp.spans().size() == 1 ? " span" : " spans");
        };
    }

    static String shorten(String s) {
        String one = s.replace('\n', ' ');
        if (one.length() > 70) {
            one = one.substring(0, 67) + "…";
        }
        try {
            Path p = Path.of(one);
            return p.isAbsolute() ? p.getFileName().toString() : one;
        } catch (RuntimeException e) {
            return one;
        }
    }
}
