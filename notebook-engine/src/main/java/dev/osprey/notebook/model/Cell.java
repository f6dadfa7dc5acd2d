package dev.osprey.notebook.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** A notebook cell (nbformat 4.5): code, markdown or raw, each with an id, source and metadata. */
public sealed interface Cell permits Cell.Code, Cell.Markdown, Cell.Raw {
    /** nbformat 4.5's rule for cell ids. */
    Pattern ID = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

    String id();

    String source();

    /** The cell's metadata as JSON values (Map, List, String, Number, Boolean, null); unknown keys are kept. */
    Map<String, Object> metadata();

    /** The cell's {@code metadata.tags}, e.g. "parameters". */
    default List<String> tags() {
        if (metadata().get("tags") instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /** A code cell with what its last run produced. {@code executionCount} is null if it never ran. */
    record Code(String id, String source, Map<String, Object> metadata, List<Output> outputs, Integer executionCount) implements Cell {
        public Code {
            id = checkId(id);
            Objects.requireNonNull(source, "source");
            metadata = copy(metadata);
            outputs = List.copyOf(outputs);
        }

        public static Code of(String source) {
            return new Code(Notebook.newCellId(), source, Map.of(), List.of(), null);
        }

        public Code withSource(String text) {
            return new Code(id, text, metadata, outputs, executionCount);
        }

        public Code withOutputs(List<Output> newOutputs, Integer count) {
            return new Code(id, source, metadata, newOutputs, count);
        }

        public Code withMetadata(Map<String, Object> newMetadata) {
            return new Code(id, source, newMetadata, outputs, executionCount);
        }
    }

    /** Markdown text; attachments are images pasted into it (name to mime bundle). */
    record Markdown(String id, String source, Map<String, Object> metadata, Map<String, Object> attachments) implements Cell {
        public Markdown {
            id = checkId(id);
            Objects.requireNonNull(source, "source");
            metadata = copy(metadata);
            attachments = copy(attachments);
        }

        public static Markdown of(String source) {
            return new Markdown(Notebook.newCellId(), source, Map.of(), Map.of());
        }
    }

    /** Text that no kernel runs and no renderer formats. */
    record Raw(String id, String source, Map<String, Object> metadata, Map<String, Object> attachments) implements Cell {
        public Raw {
            id = checkId(id);
            Objects.requireNonNull(source, "source");
            metadata = copy(metadata);
            attachments = copy(attachments);
        }
    }

    private static String checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a cell id is 1-64 letters, digits, '-' or '_', not '" + id + "'");
        }
        return id;
    }

    // JSON values may be null, which Map.copyOf refuses.
    static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
