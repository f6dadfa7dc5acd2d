package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.Completions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTableTest {
    @Test
    void readsTheKernelsAndPandasDataFrameTables() {
        String kernel = """
                <table class="dataframe">
                <thead><tr><th></th><th>name</th><th>a &lt; b</th></tr></thead>
                <tbody>
                <tr><th>0</th><td>Ann &amp; Bo</td><td>1.5</td></tr>
                <tr><th>1</th><td>Cy</td><td>2</td></tr>
                </tbody>
                </table>
                <p>first 2 of 1000 rows × 2 columns</p>""";
        HtmlTable t = HtmlTable.parse(kernel).orElseThrow();
        assertThat(t.headers()).containsExactly("", "name", "a < b");
        assertThat(t.rows()).containsExactly(List.of("0", "Ann & Bo", "1.5"), List.of("1", "Cy", "2"));
        assertThat(t.caption()).isEqualTo("first 2 of 1000 rows × 2 columns");

        String pandas = "<div><table border=\"1\" class=\"dataframe\"><thead><tr style=\"text-align: right;\"><th></th><th>x</th></tr>"
                + "</thead><tbody><tr><th>0</th><td>7</td></tr></tbody></table><p>1 rows × 1 columns</p></div>";
        assertThat(HtmlTable.parse(pandas).orElseThrow().rows()).containsExactly(List.of("0", "7"));
    }

    @Test
    void anythingThatIsNotATableIsNotOne() {
        assertThat(HtmlTable.parse("<b>bold</b>")).isEmpty();
        assertThat(HtmlTable.parse("<table></table>")).isEmpty();
        assertThat(OutputsView.htmlText("<h1>Title</h1><p>one<br>two &amp; three</p>")).isEqualTo("Title\none\ntwo & three");
    }

    @Test
    void completionsRankTypeMatchesFirstAndListEachOnce() {
        Completions c = new Completions(3, List.of(new Completions.Suggestion("toString(", false),
                new Completions.Suggestion("toUpperCase(", true), new Completions.Suggestion("toString(", false),
                new Completions.Suggestion("toCharArray(", false)));
        assertThat(CodeAssist.ranked(c)).containsExactly("toUpperCase(", "toCharArray(", "toString(");
    }

    @Test
    void hugeTextShowsItsTail() {
        String many = String.join("\n", java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "line " + i).toList());
        String tail = OutputsView.tail(many);
        assertThat(tail.lines().count()).isEqualTo(OutputsView.MAX_LINES);
        assertThat(tail).endsWith("line 4999").startsWith("line " + (5000 - OutputsView.MAX_LINES));
    }

    @Test
    void otherHtmlIsRenderedAsHeadingsParagraphsAndBullets() {
        String md = OutputsView.htmlMarkdown("<h2>Results</h2><p>RMSE is <b>26.8</b> &amp; falling</p><ul><li>one</li><li>two</li></ul>");
        assertThat(MarkdownText.blocks(md)).extracting(MarkdownText.Block::level, MarkdownText.Block::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Results"),
                        org.assertj.core.groups.Tuple.tuple(0, "RMSE is 26.8 & falling"),
                        org.assertj.core.groups.Tuple.tuple(0, "• one\n• two"));
    }
}
