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
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A code cell's outputs: text in a monospace block (stderr tinted), errors in red with their cell
 * line, PNG images as images, a data frame's HTML table as a real table (first rows and the size),
 * markdown rendered, other HTML as its text. A long text shows only its tail
 * with a link to show the whole of it, so a cell that prints a million lines stays responsive.
 */
final class OutputsView extends VBox {
    static final int MAX_LINES = 200;
    static final int MAX_CHARS = 20_000;
    private static final double TABLE_ROW = 24;
    private static final int TABLE_VISIBLE_ROWS = 12;

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

    private Node node(Output o) {
        return switch (o) {
            case Output.Stream s -> text(s.text(), "stderr".equals(s.name()) ? "nb-stderr" : "nb-stdout");
            case Output.Error e -> text(String.join("\n", e.traceback().isEmpty()
                    ? java.util.List.of(e.ename() + ": " + e.evalue()) : e.traceback()), "nb-error");
            case Output.ExecuteResult r -> rich(r.data());
            case Output.DisplayData d -> rich(d.data());
        };
    }

    private Node rich(Map<String, Object> data) {
        if (data.get(MimeBundle.PNG) instanceof String png) {
            try {
                Image image = new Image(new ByteArrayInputStream(Base64.getMimeDecoder().decode(png)));
                if (!image.isError()) {
                    ImageView view = new ImageView(image);
                    view.setPreserveRatio(true);
                    // as wide as the image, at most the cell: a chart never pushes the page sideways
                    view.fitWidthProperty().bind(widthProperty().map(w -> Math.max(120, Math.min(image.getWidth(), w.doubleValue() - 12))));
                    view.getStyleClass().add("nb-image");
                    StackPane box = new StackPane(view);
                    box.setAlignment(javafx.geometry.Pos.TOP_LEFT);
                    box.setMinWidth(0);
                    return box;
                }
            } catch (IllegalArgumentException badBase64) {
                // fall through to the text form
            }
        }
        if (data.get(MimeBundle.HTML) instanceof String html) {
            Optional<HtmlTable> table = HtmlTable.parse(html);
            if (table.isPresent()) {
                return table(table.get());
            }
        }
        if (data.get(MimeBundle.MARKDOWN) instanceof String markdown) {
            VBox md = MarkdownText.node(markdown);
            md.getStyleClass().add("nb-rich");
            return md;
        }
        if (data.get(MimeBundle.HTML) instanceof String html) {
            VBox rendered = MarkdownText.node(htmlMarkdown(html));
            rendered.getStyleClass().add("nb-rich");
            return rendered;
        }
        Object plain = data.getOrDefault(MimeBundle.TEXT, "");
        return text(String.valueOf(plain), "nb-result");
    }

    /** A data frame's first rows as a table, with its size under it. */
    static Node table(HtmlTable t) {
        TableView<List<String>> view = new TableView<>(FXCollections.observableArrayList(t.rows()));
        view.getStyleClass().add("nb-table");
        for (int j = 0; j < t.headers().size(); j++) {
            int col = j;
            TableColumn<List<String>, String> c = new TableColumn<>(t.headers().get(j));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(col < d.getValue().size() ? d.getValue().get(col) : ""));
            c.setSortable(false);
            c.setPrefWidth(Math.max(60, Math.min(220, 9 * Math.max(t.headers().get(j).length(),
                    t.rows().stream().mapToInt(r -> col < r.size() ? r.get(col).length() : 0).max().orElse(0)) + 24)));
            if (j == 0 && t.headers().get(0).isBlank()) {
                c.getStyleClass().add("nb-table-index");
                c.setPrefWidth(Math.max(44, 9 * String.valueOf(t.rows().size()).length() + 24));
            }
            view.getColumns().add(c);
        }
        view.setFixedCellSize(TABLE_ROW);
        view.setPrefHeight(TABLE_ROW * (Math.min(t.rows().size(), TABLE_VISIBLE_ROWS) + 1) + 6);
        view.setMinHeight(Region.USE_PREF_SIZE);
        view.setMaxWidth(view.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum() + 20);
        view.setFocusTraversable(false);
        Label caption = new Label(t.caption());
        caption.getStyleClass().add("nb-table-caption");
        VBox box = new VBox(2, view);
        if (!t.caption().isBlank()) {
            box.getChildren().add(caption);
        }
        return box;
    }

    /**
     * HTML that is not a table, rendered through the markdown blocks: h1-h3 become headings, list
     * items bullets, paragraphs and breaks keep their breaks, other tags go and entities decode.
     */
    static String htmlMarkdown(String html) {
        String marked = html.replaceAll("(?is)<h([1-6])[^>]*>(.*?)</h\\1>", "\n\n#$1 $2\n\n")
                .replaceAll("(?i)<li[^>]*>", "\n- ")
                .replaceAll("(?i)</p>|</div>|</ul>|</ol>|</tr>", "\n\n")
                .replaceAll("(?i)<br\\s*/?>", "\n");
        StringBuilder out = new StringBuilder();
        for (String line : marked.lines().toList()) {
            java.util.regex.Matcher h = java.util.regex.Pattern.compile("^#([1-6]) (.*)$").matcher(line);
            String text = h.matches() ? "#".repeat(Integer.parseInt(h.group(1))) + " " + HtmlTable.text(h.group(2))
                    : line.startsWith("- ") ? "- " + HtmlTable.text(line.substring(2)) : HtmlTable.text(line);
            out.append(text).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** HTML that is not a table, as text: block tags become line breaks, other tags go. */
    static String htmlText(String html) {
        String blocks = html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</h[1-6]>|</tr>", "\n");
        return blocks.lines().map(HtmlTable::text).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
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
