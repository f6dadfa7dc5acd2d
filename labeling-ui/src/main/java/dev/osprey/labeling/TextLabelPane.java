package dev.osprey.labeling;

import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelValue;
import dev.osprey.core.label.Span;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.InlineCssTextArea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A text to label, read-only, with entity spans shown as coloured backgrounds. Select words (mouse
 * or Shift+arrows) and press a class key to tag them: the selection is widened to whole words and
 * replaces any span it overlaps. With the caret inside a span, Delete removes it.
 */
public final class TextLabelPane extends StackPane {
    private final InlineCssTextArea area = new InlineCssTextArea();
    private final List<LabelClass> classes;
    private final Consumer<LabelValue.Spans> onEdit;
    private List<Span> spans = new ArrayList<>();

    public TextLabelPane(List<LabelClass> classes, Consumer<LabelValue.Spans> onEdit) {
        this.classes = List.copyOf(classes);
        this.onEdit = onEdit;
        area.setEditable(false);
        area.setWrapText(true);
        area.setId("labelText");
        area.setStyle("-fx-font-size: 18px;");
        area.setPadding(new javafx.geometry.Insets(16));
        getChildren().add(new VirtualizedScrollPane<>(area));
        getStyleClass().add("text-label-pane");
    }

    public InlineCssTextArea area() {
        return area;
    }

    public void show(String text, List<Span> value) {
        area.replaceText(text == null ? "" : text);
        area.moveTo(0);
        spans = new ArrayList<>(value == null ? List.of() : value);
        paint();
    }

    public void setSpans(List<Span> value) {
        spans = new ArrayList<>(value);
        paint();
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    /** Tags the selection (widened to whole words) with class {@code k}; false when nothing is selected. */
    public boolean tagSelection(int k) {
        var sel = area.getSelection();
        if (sel.getLength() == 0) {
            return false;
        }
        String text = area.getText();
        int start = sel.getStart();
        int end = sel.getEnd();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return false;
        }
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        Span tagged = new Span(start, end, k);
        spans.removeIf(s -> s.start() < tagged.end() && s.end() > tagged.start());
        spans.add(tagged);
        spans.sort(Comparator.comparingInt(Span::start));
        area.deselect();
        emit();
        return true;
    }

    /** Removes the span under the caret; false when there is none. */
    public boolean deleteAtCaret() {
        int caret = area.getCaretPosition();
        boolean removed = spans.removeIf(s -> caret >= s.start() && caret <= s.end());
        if (removed) {
            emit();
        }
        return removed;
    }

    private void emit() {
        paint();
        onEdit.accept(new LabelValue.Spans(List.copyOf(spans)));
    }

    private void paint() {
        int length = area.getLength();
        if (length == 0) {
            return;
        }
        area.setStyle(0, length, "");
        for (Span s : spans) {
            if (s.end() > length) {
                continue;
            }
            String color = classes.get(Math.min(s.label(), classes.size() - 1)).color();
            area.setStyle(s.start(), s.end(), "-rtfx-background-color: " + color + "55; -fx-font-weight: bold;");
        }
    }
}
