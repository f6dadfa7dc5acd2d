package dev.osprey.app.notebook;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of a cell's rendering: output capping, markdown blocks, Java colouring. */
class CellRenderingTest {
    @Test
    void aHugeOutputKeepsOnlyItsTail() {
        String big = IntStream.range(0, 5000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String tail = OutputsView.tail(big);
        assertThat(tail.lines().count()).isEqualTo(OutputsView.MAX_LINES);
        assertThat(tail).startsWith("line 4800\n").endsWith("line 4999");
        assertThat(OutputsView.tail("short\ntext")).isEqualTo("short\ntext");
        String oneLongLine = "x".repeat(100_000);
        assertThat(OutputsView.tail(oneLongLine)).hasSize(OutputsView.MAX_CHARS);
    }

    @Test
    void markdownBecomesHeadingsAndParagraphsWithoutMarks() {
        assertThat(MarkdownText.blocks("# Title\n\nSome **bold** and *soft*\ntext with `code`.\n\n## Next\n- one\n- two"))
                .containsExactly(new MarkdownText.Block(1, "Title"),
                        new MarkdownText.Block(0, "Some bold and soft text with code."),
                        new MarkdownText.Block(2, "Next"),
                        new MarkdownText.Block(0, "• one\n• two"));
    }

    @Test
    void javaColouringMarksKeywordsStringsCommentsAndNumbers() {
        String code = "int x = 42; // answer\nString s = \"if\";";
        var spans = JavaHighlighting.compute(code);
        assertThat(spans.length()).isEqualTo(code.length());
        StringBuilder styled = new StringBuilder();
        int at = 0;
        for (var span : spans) {
            if (!span.getStyle().isEmpty()) {
                styled.append(span.getStyle().iterator().next()).append('=').append(code, at, at + span.getLength()).append(' ');
            }
            at += span.getLength();
        }
        assertThat(styled.toString().strip()).isEqualTo("java-keyword=int java-number=42 java-comment=// answer java-string=\"if\"");
    }
}
