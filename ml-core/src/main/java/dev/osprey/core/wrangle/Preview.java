package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;

import java.util.List;

/**
 * A recipe's result on the sample: its first rows, the columns after every step (for the step forms),
 * and notes such as how many values a cast could not convert. Values are Long, Double, String, Boolean,
 * LocalDate, LocalDateTime or null.
 */
public record Preview(List<Column> columns, List<List<Object>> rows, long sampleRows, List<String> notes,
                      List<List<Column>> schemas) {
    public Preview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        schemas = List.copyOf(schemas);
    }
}
