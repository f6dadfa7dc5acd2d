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
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One annotator working through a job: the item in hand, its answer being edited (with undo and
 * redo), and the queue ahead. Every edit is saved as a draft, and {@link #submit} returns only
 * once the answer is committed, so a killed studio loses neither. Items skipped in this session
 * go to the back of the line. Calls the store synchronously: each call is one small SQLite
 * transaction (about a millisecond), and durability before moving on is the point.
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
    private final IntegerProperty submitted = new SimpleIntegerProperty(this, "submitted");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    private final Deque<LabelValue> undo = new ArrayDeque<>();
    private final Deque<LabelValue> redo = new ArrayDeque<>();
    private final Deque<LabelItem> back = new ArrayDeque<>();
    private final Set<Long> skipped = new HashSet<>();
    private List<LabelItem> ahead = List.of();
    private Instant shownAt;
    private boolean valueFromSuggestion;

    public LabelingSession(LabelStore store, LabelJob job, String annotator, Clock clock) {
        this.store = store;
        this.job = job;
        this.annotator = annotator;
        this.clock = clock;
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
        valueFromSuggestion = false;
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

    /** Takes the model's suggestion as the answer (it is recorded as model-assisted if submitted unchanged). */
    public void acceptSuggestion() throws LabelException {
        Optional<LabelStore.Suggestion> s = suggestion.get();
        if (s.isPresent()) {
            edit(s.get().value());
            valueFromSuggestion = true;
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
            store.submit(current.id(), annotator, value.get(), Duration.between(shownAt, clock.instant()),
                    valueFromSuggestion ? AnnotationSource.MODEL_ASSISTED : AnnotationSource.HUMAN, OptionalDouble.empty());
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

    private LabelItem nextFromQueue() throws LabelException {
        List<LabelItem> queue = new ArrayList<>(store.queue(job, annotator, LOOKAHEAD + skipped.size() + 1));
        queue.removeIf(i -> skipped.contains(i.id()));
        if (queue.isEmpty() && !skipped.isEmpty()) {
            // only skipped items are left: offer them again
            skipped.clear();
            queue = new ArrayList<>(store.queue(job, annotator, LOOKAHEAD + 1));
        }
        ahead = queue.size() > 1 ? List.copyOf(queue.subList(1, queue.size())) : List.of();
        return queue.isEmpty() ? null : queue.getFirst();
    }

    private void show(LabelItem next) throws LabelException {
        undo.clear();
        redo.clear();
        valueFromSuggestion = false;
        message.set("");
        item.set(next);
        finished.set(next == null);
        if (next == null) {
            value.set(null);
            suggestion.set(Optional.empty());
            return;
        }
        shownAt = clock.instant();
        value.set(store.draft(next.id(), annotator).orElse(null));
        suggestion.set(store.suggestion(next.id()));
    }

    private void saveDraft() throws LabelException {
        if (item.get() != null && value.get() != null) {
            store.saveDraft(item.get().id(), annotator, value.get());
        }
    }
}
