package dev.osprey.core.data;

import java.util.List;

/** The first rows of a dataset, with its columns. Values are Java objects (Long, Double, String, LocalDate, ...) or null. */
public record TablePreview(List<Column> columns, List<List<Object>> rows, long totalRows) {
    public TablePreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
