package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;

import java.nio.file.Path;
import java.util.List;

/** What a full apply wrote: where, how many rows, the columns, and notes (conversion failures). */
public record ApplyResult(Path file, long rows, List<Column> columns, List<String> notes) {
    public ApplyResult {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }
}
