package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.Completions;
import dev.osprey.notebook.kernel.Documentation;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tab and Shift+Tab in a code cell, as in Jupyter. Tab after a name asks the kernel for
 * completions (JShell's source analysis): one candidate is inserted, several open a list
 * (Enter/Tab/double-click takes one, Esc closes); Tab at the start of a line indents.
 * Shift+Tab shows the signature and javadoc of what is under the caret. The kernel answers off
 * the UI thread; an answer that arrives after the text or caret moved is dropped.
 */
final class CodeAssist {
    static final String INDENT = "    ";
    private static final int MAX_DOC_CHARS = 1_500;

    private final CodeArea area;
    private final KernelHelp help;
    private final Popup popup = new Popup();
    private final ListView<String> list = new ListView<>();
    private int anchor;

    private CodeAssist(CodeArea area, KernelHelp help) {
        this.area = area;
        this.help = help;
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        list.getStyleClass().add("nb-completion");
        list.setId("completionList");
        list.setPrefSize(340, 200);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                accept();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                accept();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                area.requestFocus();
                e.consume();
            }
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        area.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("\t".equals(e.getCharacter())) {
                e.consume(); // Tab is handled on KEY_PRESSED; never a literal tab character
            }
        });
    }

    static CodeAssist install(CodeArea area, KernelHelp help) {
        return new CodeAssist(area, help);
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        e.consume();
        if (e.isShiftDown()) {
            showDocumentation();
        } else if (atIndentation()) {
            area.insertText(area.getCaretPosition(), INDENT);
        } else {
            complete();
        }
    }

    /** True when only blanks stand between the line's start and the caret. */
    private boolean atIndentation() {
        int caret = area.getCaretPosition();
        String text = area.getText();
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        return text.substring(lineStart, caret).isBlank();
    }

    private void complete() {
        String text = area.getText();
        int caret = area.getCaretPosition();
        help.complete(text, caret).thenAccept(c -> {
            if (!area.getText().equals(text) || area.getCaretPosition() != caret) {
                return;
            }
            List<String> candidates = ranked(c);
            if (candidates.size() == 1) {
                area.replaceText(c.anchor(), caret, candidates.getFirst());
            } else if (!candidates.isEmpty()) {
                anchor = c.anchor();
                list.getItems().setAll(candidates);
                list.getSelectionModel().selectFirst();
                show(list);
                list.requestFocus();
            }
        });
    }

    /** Type-matching candidates first, then by name; each continuation once. */
    static List<String> ranked(Completions c) {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        for (Completions.Suggestion s : c.suggestions()) {
            unique.merge(s.continuation(), s.matchesType(), Boolean::logicalOr);
        }
        return unique.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Boolean> e) -> !e.getValue()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    private void accept() {
        String choice = list.getSelectionModel().getSelectedItem();
        popup.hide();
        if (choice != null) {
            area.replaceText(anchor, area.getCaretPosition(), choice);
        }
        area.requestFocus();
    }

    private void showDocumentation() {
        String text = area.getText();
        int caret = area.getCaretPosition();
        help.documentation(text, caret).thenAccept(docs -> {
            if (!area.getText().equals(text) || area.getCaretPosition() != caret) {
                return;
            }
            VBox box = new VBox(6);
            box.getStyleClass().add("nb-doc");
            box.setId("documentationPopup");
            if (docs.isEmpty()) {
                box.getChildren().add(new Label("No documentation here (put the caret on a name or inside a call's parentheses)."));
            }
            for (Documentation d : docs.stream().limit(6).toList()) {
                Label signature = new Label(d.signature());
                signature.getStyleClass().add("nb-doc-signature");
                signature.setWrapText(true);
                box.getChildren().add(signature);
                if (!d.javadoc().isBlank()) {
                    String doc = d.javadoc().strip();
                    Label javadoc = new Label(doc.length() > MAX_DOC_CHARS ? doc.substring(0, MAX_DOC_CHARS) + " …" : doc);
                    javadoc.setWrapText(true);
                    javadoc.getStyleClass().add("nb-doc-text");
                    box.getChildren().add(javadoc);
                }
            }
            box.setMaxWidth(560);
            box.setPrefWidth(560);
            box.addEventFilter(KeyEvent.KEY_PRESSED, k -> popup.hide());
            show(box);
        });
    }

    private void show(javafx.scene.layout.Region content) {
        // a popup is its own scene: it does not see the page's stylesheets
        content.setStyle("-fx-background-color: white; -fx-border-color: #d0d7de; -fx-border-radius: 4; -fx-background-radius: 4;"
                + " -fx-padding: 6; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.18), 10, 0, 0, 3);");
        popup.getContent().setAll(content);
        Bounds caret = area.getCaretBounds().orElse(area.localToScreen(area.getBoundsInLocal()));
        if (caret == null || area.getScene() == null || area.getScene().getWindow() == null) {
            return;
        }
        popup.show(area.getScene().getWindow(), caret.getMinX(), caret.getMaxY() + 2);
    }
}
