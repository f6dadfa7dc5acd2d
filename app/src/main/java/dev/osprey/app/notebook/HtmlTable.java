package dev.osprey.app.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the HTML table of a data frame's display ({@code <table class="dataframe">}, as Osprey's
 * kernel and pandas write it) into headers and rows, so the editor can show a real table.
 * Not an HTML parser: only {@code tr}, {@code th} and {@code td} matter; anything that is not a
 * table gives empty and the output falls back to its plain text.
 *
 * @param headers   column names, the index column's header first (often empty)
 * @param rows      the shown rows, each as wide as {@code headers}
 * @param caption   the text after the table, such as "first 20 of 1000 rows × 4 columns"; may be empty
 */
record HtmlTable(List<String> headers, List<List<String>> rows, String caption) {
    private static final Pattern TABLE = Pattern.compile("(?is)<table\\b[^>]*>(.*?)</table>(.*)");
    private static final Pattern ROW = Pattern.compile("(?is)<tr\\b[^>]*>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("(?is)<(th|td)\\b[^>]*>(.*?)</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    /** More than this many rows are not shown as a table cell by cell (the kernel sends 20). */
    static final int MAX_ROWS = 1_000;

    HtmlTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    static Optional<HtmlTable> parse(String html) {
        Matcher table = TABLE.matcher(html);
        if (!table.find()) {
            return Optional.empty();
        }
        List<List<String>> all = new ArrayList<>();
        Matcher row = ROW.matcher(table.group(1));
        while (row.find() && all.size() <= MAX_ROWS) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(text(cell.group(2)));
            }
            if (!cells.isEmpty()) {
                all.add(cells);
            }
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<String> headers = all.getFirst();
        int width = all.stream().mapToInt(List::size).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : all.subList(1, all.size())) {
            List<String> padded = new ArrayList<>(r);
            while (padded.size() < width) {
                padded.add("");
            }
            rows.add(padded);
        }
        List<String> head = new ArrayList<>(headers);
        while (head.size() < width) {
            head.add(0, "");
        }
        return Optional.of(new HtmlTable(head, rows, text(table.group(2))));
    }

    /** The text of an HTML fragment: tags dropped, the common entities decoded, blanks collapsed. */
    static String text(String html) {
        String t = TAG.matcher(html).replaceAll(" ");
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return t.replaceAll("\\s+", " ").strip();
    }
}
