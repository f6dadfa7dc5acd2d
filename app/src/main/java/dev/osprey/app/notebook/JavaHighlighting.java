package dev.osprey.app.notebook;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java syntax colouring for code cells: keywords, strings, comments, numbers and annotations as
 * style classes. A pure function of the text, so the editor computes it off the FX thread.
 */
final class JavaHighlighting {
    private static final String[] KEYWORDS = {
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
        "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
        "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
        "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record", "yield", "sealed",
        "permits", "non-sealed", "true", "false", "null"};
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>//[^\n]*|/\\*(.|\\R)*?\\*/)"
                    + "|(?<STRING>\"\"\"(.|\\R)*?\"\"\"|\"([^\"\\\\\n]|\\\\.)*\"|'([^'\\\\\n]|\\\\.)*')"
                    + "|(?<ANNOTATION>@[A-Za-z_][A-Za-z0-9_]*)"
                    + "|(?<KEYWORD>\\b(" + String.join("|", KEYWORDS).replace("-", "\\-") + ")\\b)"
                    + "|(?<NUMBER>\\b\\d[\\d_]*(\\.\\d+)?([eE][-+]?\\d+)?[lLfFdD]?\\b)");
    private static final List<String> GROUPS = List.of("COMMENT", "STRING", "ANNOTATION", "KEYWORD", "NUMBER");

    private JavaHighlighting() {
    }

    static StyleSpans<Collection<String>> compute(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = null;
            for (String g : GROUPS) {
                if (m.group(g) != null) {
                    style = "java-" + g.toLowerCase(java.util.Locale.ROOT);
                    break;
                }
            }
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
