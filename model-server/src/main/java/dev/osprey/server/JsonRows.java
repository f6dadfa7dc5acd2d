package dev.osprey.server;

import dev.osprey.core.json.Json;
import dev.osprey.server.http.HttpStatusException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows of a JSON or JSON Lines body. JSON: {@code {"instances": [...]}} or a bare array, whose
 * items are arrays (values in signature order) or objects (column name to value; an absent
 * column is a missing value, an unknown one is refused so a typo is not silently imputed);
 * a single object or a flat array of values is one row. JSON Lines: one array or object per line.
 */
final class JsonRows {
    private static final String SHAPES = "Send {\"instances\": [[v1, v2, ...], ...]} or [{\"column\": value, ...}, ...].";

    private JsonRows() {
    }

    static List<Object[]> json(String body, LoadedModel m) throws HttpStatusException {
        Object doc = parse(body, "The JSON body");
        List<?> items;
        if (doc instanceof Map<?, ?> map) {
            Object instances = map.get("instances");
            if (instances == null && map.containsKey("instances")) {
                throw new HttpStatusException(400, "\"instances\" is null; " + SHAPES);
            }
            if (instances == null) {
                return java.util.Collections.singletonList(row(map, m, 1));
            }
            if (!(instances instanceof List<?> list)) {
                throw new HttpStatusException(400, "\"instances\" must be an array; " + SHAPES);
            }
            items = list;
        } else if (doc instanceof List<?> list) {
            items = list;
        } else {
            throw new HttpStatusException(400, "The JSON body is a single value; " + SHAPES);
        }
        if (!items.isEmpty() && items.stream().noneMatch(i -> i instanceof List<?> || i instanceof Map<?, ?>)) {
            return java.util.Collections.singletonList(row(items, m, 1)); // a flat array of values: one row
        }
        List<Object[]> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rows.add(row(items.get(i), m, i + 1));
        }
        return rows;
    }

    static List<Object[]> jsonLines(String body, LoadedModel m) throws HttpStatusException {
        List<Object[]> rows = new ArrayList<>();
        int line = 0;
        for (String text : body.split("\n", -1)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            rows.add(row(parse(text, "Line " + line), m, line));
        }
        return rows;
    }

    private static Object parse(String text, String what) throws HttpStatusException {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(400, what + " is not valid JSON: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new HttpStatusException(400, what + " is nested too deeply.");
        }
    }

    static Object[] row(Object item, LoadedModel m, int n) throws HttpStatusException {
        if (item instanceof List<?> values) {
            if (values.size() != m.width()) {
                throw new HttpStatusException(400, "Row " + n + " has " + values.size() + " value" + (values.size() == 1 ? "" : "s")
                        + "; the model " + m + " expects " + m.width() + " (" + m.columnList() + ").");
            }
            Object[] row = new Object[values.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = Cells.fromJson(values.get(c), m, c, n);
            }
            return row;
        }
        if (item instanceof Map<?, ?> map) {
            Object[] row = new Object[m.width()];
            for (Map.Entry<?, ?> e : map.entrySet()) {
                int c = m.indexOf(String.valueOf(e.getKey()));
                if (c < 0) {
                    throw new HttpStatusException(400, "Row " + n + " has an unknown column '" + Cells.clip(String.valueOf(e.getKey()))
                            + "'; the model " + m + " takes " + m.columnList() + ".");
                }
                row[c] = Cells.fromJson(e.getValue(), m, c, n);
            }
            return row;
        }
        throw new HttpStatusException(400, "Row " + n + " is " + (item == null ? "null" : "a single value") + "; " + SHAPES);
    }
}
