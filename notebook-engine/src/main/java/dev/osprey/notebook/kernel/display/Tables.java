package dev.osprey.notebook.kernel.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.data.DataFrame;

/**
 * A Smile DataFrame as an HTML table and a plain-text table: the first {@value #ROWS} rows and
 * the size. Only touched once a value is known to be a DataFrame, so Smile stays optional.
 */
final class Tables {
    static final int ROWS = 20;
    private static final int CELL_WIDTH = 24;

    private Tables() {
    }

    static boolean isDataFrame(Object value) {
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("smile.data.DataFrame")) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("smile.data.DataFrame")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Map<String, String> bundle(Object value) {
        DataFrame df = (DataFrame) value;
        int rows = Math.min(ROWS, df.nrow());
        String[] names = df.names();
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String[] row = new String[names.length];
            for (int j = 0; j < names.length; j++) {
                row[j] = String.valueOf(df.get(i, j));
            }
            cells.add(row);
        }
        String size = df.nrow() + (df.nrow() == 1 ? " row" : " rows") + " × " + names.length + (names.length == 1 ? " column" : " columns");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("text/html", html(names, cells, size, df.nrow() > rows));
        b.put("text/plain", plain(names, cells, size, df.nrow() > rows));
        return b;
    }

    private static String html(String[] names, List<String[]> cells, String size, boolean more) {
        StringBuilder sb = new StringBuilder("<table class=\"dataframe\">\n<thead><tr><th></th>");
        for (String n : names) {
            sb.append("<th>").append(escape(n)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < cells.size(); i++) {
            sb.append("<tr><th>").append(i).append("</th>");
            for (String c : cells.get(i)) {
                sb.append("<td>").append(escape(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n<p>").append(more ? "first " + cells.size() + " of " : "").append(escape(size)).append("</p>");
        return sb.toString();
    }

    private static String plain(String[] names, List<String[]> cells, String size, boolean more) {
        int[] width = new int[names.length];
        for (int j = 0; j < names.length; j++) {
            width[j] = Math.min(CELL_WIDTH, names[j].length());
            for (String[] row : cells) {
                width[j] = Math.min(CELL_WIDTH, Math.max(width[j], row[j].length()));
            }
        }
        int indexWidth = String.valueOf(Math.max(0, cells.size() - 1)).length();
        StringBuilder sb = new StringBuilder(" ".repeat(indexWidth));
        for (int j = 0; j < names.length; j++) {
            sb.append("  ").append(pad(names[j], width[j]));
        }
        sb.append('\n');
        for (int i = 0; i < cells.size(); i++) {
            sb.append(pad(String.valueOf(i), indexWidth));
            for (int j = 0; j < names.length; j++) {
                sb.append("  ").append(pad(cells.get(i)[j], width[j]));
            }
            sb.append('\n');
        }
        sb.append(more ? "first " + cells.size() + " of " : "").append(size);
        return sb.toString();
    }

    private static String pad(String s, int width) {
        String cut = s.length() > width ? s.substring(0, width - 1) + "…" : s;
        return cut + " ".repeat(width - cut.length());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
