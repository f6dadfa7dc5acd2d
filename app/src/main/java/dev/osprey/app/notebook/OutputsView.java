package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.MimeBundle;
import dev.osprey.notebook.model.Output;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;

/**
 * A code cell's outputs: text in a monospace block (stderr tinted), errors in red with their cell
 * line, PNG images, HTML and markdown as their text for now. A long text shows only its tail
 * with a link to show the whole of it, so a cell that prints a million lines stays responsive.
 */
final class OutputsView extends VBox {
    static final int MAX_LINES = 200;
    static final int MAX_CHARS = 20_000;

    private final ObservableList<Output> outputs;

    OutputsView(ObservableList<Output> outputs) {
        this.outputs = outputs;
        getStyleClass().add("nb-outputs");
        outputs.addListener((ListChangeListener<Output>) c -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        for (Output o : outputs) {
            getChildren().add(node(o));
        }
        setVisible(!outputs.isEmpty());
        setManaged(!outputs.isEmpty());
    }

    private static Node node(Output o) {
        return switch (o) {
            case Output.Stream s -> text(s.text(), "stderr".equals(s.name()) ? "nb-stderr" : "nb-stdout");
            case Output.Error e -> text(String.join("\n", e.traceback().isEmpty()
                    ? java.util.List.of(e.ename() + ": " + e.evalue()) : e.traceback()), "nb-error");
            case Output.ExecuteResult r -> rich(r.data());
            case Output.DisplayData d -> rich(d.data());
        };
    }

    private static Node rich(Map<String, Object> data) {
        if (data.get(MimeBundle.PNG) instanceof String png) {
            try {
                Image image = new Image(new ByteArrayInputStream(Base64.getMimeDecoder().decode(png)));
                if (!image.isError()) {
                    ImageView view = new ImageView(image);
                    view.setPreserveRatio(true);
                    view.setFitWidth(Math.min(image.getWidth(), 720));
                    view.getStyleClass().add("nb-image");
                    return view;
                }
            } catch (IllegalArgumentException badBase64) {
                // fall through to the text form
            }
        }
        Object plain = data.get(MimeBundle.TEXT);
        if (plain == null) {
            plain = data.getOrDefault(MimeBundle.MARKDOWN, data.getOrDefault(MimeBundle.HTML, ""));
        }
        return text(String.valueOf(plain), "nb-result");
    }

    /** A text block; a huge one shows its last {@value #MAX_LINES} lines and a "show all" link. */
    static Node text(String text, String style) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String tail = tail(body);
        Label label = new Label(tail);
        label.getStyleClass().addAll("nb-text", style);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (tail.length() == body.length()) {
            return label;
        }
        long lines = body.lines().count();
        Hyperlink all = new Hyperlink("Output truncated: showing the end. Show all " + String.format("%,d", lines) + " lines");
        all.getStyleClass().add("nb-show-all");
        VBox box = new VBox(all, label);
        all.setOnAction(e -> {
            label.setText(body);
            box.getChildren().remove(all);
        });
        return box;
    }

    static String tail(String text) {
        int start = text.length();
        int lines = 0;
        while (start > 0 && lines < MAX_LINES && text.length() - start < MAX_CHARS) {
            start--;
            if (text.charAt(start) == '\n') {
                lines++;
            }
        }
        if (start == 0) {
            return text;
        }
        return text.substring(text.charAt(start) == '\n' ? start + 1 : start);
    }
}
