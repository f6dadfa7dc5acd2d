package dev.osprey.app.notebook;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * A markdown cell shown when it is not edited: headings as headings, paragraphs as wrapped text,
 * with the inline marks (**, *, `) dropped. Not a markdown renderer (no tables, links or
 * images yet), but the cell reads as prose instead of as source.
 */
final class MarkdownText {
    private MarkdownText() {
    }

    /** Blocks of the text: "#"-headings and paragraphs (blank-line separated). */
    static List<Block> blocks(String markdown) {
        List<Block> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            String t = line.strip();
            if (t.startsWith("#")) {
                flush(para, out);
                int level = (int) t.chars().takeWhile(c -> c == '#').count();
                out.add(new Block(Math.min(level, 3), inline(t.substring(level).strip())));
            } else if (t.isEmpty()) {
                flush(para, out);
            } else {
                para.append(para.isEmpty() ? "" : (t.startsWith("- ") || t.startsWith("* ") || t.startsWith("|") ? "\n" : " "))
                        .append(t.startsWith("* ") ? "• " + t.substring(2) : t.startsWith("- ") ? "• " + t.substring(2) : t);
            }
        }
        flush(para, out);
        return out;
    }

    /** level 0 is a paragraph, 1-3 a heading. */
    record Block(int level, String text) {
    }

    static VBox node(String markdown) {
        VBox box = new VBox(6);
        box.getStyleClass().add("nb-markdown");
        for (Block b : blocks(markdown)) {
            Label l = new Label(b.text());
            l.setWrapText(true);
            l.getStyleClass().add(b.level() == 0 ? "nb-md-p" : "nb-md-h" + b.level());
            box.getChildren().add(l);
        }
        if (box.getChildren().isEmpty()) {
            Label l = new Label("Empty markdown cell: press Enter or double-click to edit");
            l.getStyleClass().add("nb-md-empty");
            box.getChildren().add(l);
        }
        return box;
    }

    private static void flush(StringBuilder para, List<Block> out) {
        if (!para.isEmpty()) {
            out.add(new Block(0, inline(para.toString())));
            para.setLength(0);
        }
    }

    static String inline(String s) {
        return s.replaceAll("\\*\\*(.+?)\\*\\*", "$1").replaceAll("(?<![\\w*])\\*(\\S.*?)\\*", "$1").replaceAll("`([^`]*)`", "$1");
    }
}
