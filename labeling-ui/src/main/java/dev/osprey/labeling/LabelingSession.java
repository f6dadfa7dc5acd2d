package dev.osprey.labeling;

import dev.osprey.core.label.AnnotationSource;
import dev.osprey.core.label.LabelException;
import dev.osprey.core.label.LabelItem;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelStore;
import dev.osprey.core.label.LabelValue;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One annotator working through a job: the item in hand, its answer being edited (with undo and
 * redo), and the queue ahead. Every edit is saved as a draft, and {@link #submit} returns only
 * once the answer is committed, so a killed studio loses neither. Items skipped in this session
 * go to the back of the line. Calls the store synchronously: each call is one small SQLite
 * transaction (about a millisecond), and durability before moving on is the point.
 *
 * <p>A model's suggestion for the item is shown as the answer in hand (pre-selected classes,
 * pre-drawn boxes or spans): Enter takes it as it is, recorded as model-assisted; any edit makes
 * the answer the annotator's own. In review mode ({@link #review}) the session walks given items
 * with their consolidated answer in hand, and a submit stores the reviewer's accepted answer.
 */
public final class LabelingSession {
    private static final int LOOKAHEAD = 8;

    private final LabelStore store;
    private final LabelJob job;
    private final String annotator;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<LabelItem> item = new ReadOnlyObjectWrapper<>(this, "item");
    private final ObjectProperty<LabelValue> value = new SimpleObjectProperty<>(this, "value");
    private final ReadOnlyObjectWrapper<Optional<LabelStore.Suggestion>> suggestion =
            new ReadOnlyObjectWrapper<>(this, "suggestion", Optional.empty());
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyBooleanWrapper suggested = new ReadOnlyBooleanWrapper(this, "suggested");
    private final IntegerProperty submitted = new SimpleIntegerProperty(this, "submitted");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    private final Deque<LabelValue> undo = new ArrayDeque<>();
    private final Deque<LabelValue> redo = new ArrayDeque<>();
    private final Deque<LabelItem> back = new ArrayDeque<>();
    private final Set<Long> skipped = new HashSet<>();
    private List<LabelItem> ahead = List.of();
    private Instant shownAt;
    /** Review mode: the items to walk with the answer proposed for each; null for labeling. */
    private final List<LabelItem> reviewItems;
    private final Map<Long, LabelStore.Suggestion> proposals;
    private final Set<Long> reviewed = new HashSet<>();

    public LabelingSession(LabelStore store, LabelJob job, String annotator, Clock clock) {
        this(store, job, annotator, clock, null, Map.of());
    }

    private LabelingSession(LabelStore store, LabelJob job, String annotator, Clock clock, List<LabelItem> reviewItems,
                            Map<Long, LabelStore.Suggestion> proposals) {
        this.store = store;
        this.job = job;
        this.annotator = annotator;
        this.clock = clock;
        this.reviewItems = reviewItems == null ? null : List.copyOf(reviewItems);
        this.proposals = Map.copyOf(proposals);
        suggested.bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            LabelValue v = value.get();
            return v != null && suggestion.get().isPresent() && v.equals(suggestion.get().get().value());
        }, value, suggestion));
    }

    /**
     * A reviewer's session over {@code items}, each shown with its {@code proposed} answer (the
     * consolidated label and its confidence) in hand to accept with Enter or correct with the usual keys; a submit
     * stores the reviewer's answer as accepted, which consolidation then takes over the votes.
     */
    public static LabelingSession review(LabelStore store, LabelJob job, String reviewer, List<LabelItem> items,
                                         Map<Long, LabelStore.Suggestion> proposed) {
        return new LabelingSession(store, job, reviewer, Clock.systemUTC(), items, proposed);
    }

    public boolean isReview() {
        return reviewItems != null;
    }

    public LabelingSession(LabelStore store, LabelJob job, String annotator) {
        this(store, job, annotator, Clock.systemUTC());
    }

    public LabelJob job() {
        return job;
    }

    public String annotator() {
        return annotator;
    }

    public ReadOnlyObjectProperty<LabelItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** The answer being edited; null until the annotator does something. */
    public ReadOnlyObjectProperty<LabelValue> valueProperty() {
        return value;
    }

    public ReadOnlyObjectProperty<Optional<LabelStore.Suggestion>> suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    /** True while the answer in hand is the model's suggestion (or, reviewing, the proposed answer) unchanged. */
    public ReadOnlyBooleanProperty suggestedProperty() {
        return suggested.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public IntegerProperty submittedProperty() {
        return submitted;
    }

    /** The last problem (a refused answer), or empty. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The items after the current one, for decoding ahead. */
    public List<LabelItem> ahead() {
        return ahead;
    }

    /** Shows the first item in the queue (or the draft the annotator left). */
    public void start() throws LabelException {
        show(nextFromQueue());
    }

    /** Replaces the answer; the previous one goes on the undo stack and the draft is saved. */
    public void edit(LabelValue newValue) throws LabelException {
        if (item.get() == null) {
            return;
        }
        // the first edit of an item undoes to "nothing yet", kept as an empty value of the same kind
        undo.push(value.get() != null ? value.get() : emptyLike(newValue));
        redo.clear();
        value.set(newValue);
        saveDraft();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public void undo() throws LabelException {
        if (undo.isEmpty()) {
            return;
        }
        redo.push(value.get());
        value.set(undo.pop());
        saveDraft();
    }

    public void redo() throws LabelException {
        if (redo.isEmpty()) {
            return;
        }
        undo.push(value.get());
        value.set(redo.pop());
        saveDraft();
    }

    /** Puts the model's suggestion back as the answer (it is recorded as model-assisted if submitted unchanged). */
    public void acceptSuggestion() throws LabelException {
        Optional<LabelStore.Suggestion> s = suggestion.get();
        if (s.isPresent() && !s.get().value().equals(value.get())) {
            edit(s.get().value());
        }
    }

    /**
     * Commits the answer and moves on. Returns false, with {@link #messageProperty()} saying why,
     * when there is no answer yet or the store refuses it; the item stays in hand then.
     */
    public boolean submit() throws LabelException {
        LabelItem current = item.get();
        if (current == null) {
            return false;
        }
        if (value.get() == null) {
            message.set(job.spec().type().textItems() || job.spec().type() != dev.osprey.core.label.LabelTaskType.BOUNDING_BOX
                    ? "Choose a class first (number keys)." : "Nothing to submit yet.");
            return false;
        }
        try {
            if (isReview()) {
                store.review(current.id(), annotator, value.get());
                reviewed.add(current.id());
            } else {
                boolean assisted = suggested.get();
                store.submit(current.id(), annotator, value.get(), Duration.between(shownAt, clock.instant()),
                        assisted ? AnnotationSource.MODEL_ASSISTED : AnnotationSource.HUMAN,
                        assisted ? OptionalDouble.of(suggestion.get().get().confidence()) : OptionalDouble.empty());
            }
        } catch (LabelException e) {
            message.set(e.getMessage());
            return false;
        }
        submitted.set(submitted.get() + 1);
        back.push(current);
        show(nextFromQueue());
        return true;
    }

    /** Puts the item back in the queue for later in this session and shows the next one. */
    public void skip() throws LabelException {
        LabelItem current = item.get();
        if (current == null) {
            return;
        }
        skipped.add(current.id());
        back.push(current);
        LabelItem next = nextFromQueue();
        show(next == null ? current : next);
        if (next == null) {
            skipped.clear();
        }
    }

    /** Goes back to the previous item of this session (to look at it, or to label it again). */
    public void previous() throws LabelException {
        if (!back.isEmpty()) {
            show(back.pop());
        }
    }

    /** A box job asks for boxes on an image of a known size: the panel tells the session once the image is decoded. */
    public LabelValue emptyValue(int imageWidth, int imageHeight) {
        return switch (job.spec().type()) {
            case BOUNDING_BOX -> new LabelValue.Boxes(List.of(), imageWidth, imageHeight);
            case NAMED_ENTITY -> new LabelValue.Spans(List.of());
            default -> new LabelValue.Classes(List.of());
        };
    }

    private static LabelValue emptyLike(LabelValue v) {
        return switch (v) {
            case LabelValue.Classes c -> new LabelValue.Classes(List.of());
            case LabelValue.Boxes b -> new LabelValue.Boxes(List.of(), b.imageWidth(), b.imageHeight());
            case LabelValue.Spans s -> new LabelValue.Spans(List.of());
        };
    }

    private List<LabelItem> pending(int limit) throws LabelException {
        if (reviewItems == null) {
            return store.queue(job, annotator, limit);
        }
        return reviewItems.stream().filter(i -> !reviewed.contains(i.id())).limit(limit).toList();
    }

    private LabelItem nextFromQueue() throws LabelException {
        List<LabelItem> queue = new ArrayList<>(pending(LOOKAHEAD + skipped.size() + 1));
        queue.removeIf(i -> skipped.contains(i.id()));
        if (queue.isEmpty() && !skipped.isEmpty()) {
            // only skipped items are left: offer them again
            skipped.clear();
            queue = new ArrayList<>(pending(LOOKAHEAD + 1));
        }
        ahead = queue.size() > 1 ? List.copyOf(queue.subList(1, queue.size())) : List.of();
        return queue.isEmpty() ? null : queue.getFirst();
    }

    private void show(LabelItem next) throws LabelException {
        undo.clear();
        redo.clear();
        message.set("");
        item.set(next);
        finished.set(next == null);
        if (next == null) {
            value.set(null);
            suggestion.set(Optional.empty());
            return;
        }
        shownAt = clock.instant();
        Optional<LabelStore.Suggestion> proposal = isReview()
                ? Optional.ofNullable(proposals.get(next.id()))
                : store.suggestion(next.id());
        suggestion.set(proposal);
        // the annotator's own draft wins; otherwise the suggestion is the answer in hand, to accept or change
        value.set(store.draft(next.id(), annotator).or(() -> proposal.map(LabelStore.Suggestion::value)).orElse(null));
    }

    private void saveDraft() throws LabelException {
        if (item.get() != null && value.get() != null) {
            store.saveDraft(item.get().id(), annotator, value.get());
        }
    }
}
