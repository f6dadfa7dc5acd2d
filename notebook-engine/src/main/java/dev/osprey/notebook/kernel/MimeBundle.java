package dev.osprey.notebook.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One value in several representations, keyed by mime type, as Jupyter's display data: e.g.
 * {@code text/html} and {@code text/plain} for a table, {@code image/png} (base64) for a chart.
 * Always holds {@code text/plain} so every front end can show something.
 */
public record MimeBundle(Map<String, String> data) {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String PNG = "image/png";

    public MimeBundle {
        Objects.requireNonNull(data, "data");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT, text));
    }

    public Optional<String> get(String mime) {
        return Optional.ofNullable(data.get(mime));
    }

    /** The plain-text form (empty if the kernel sent none). */
    public String plainText() {
        return data.getOrDefault(TEXT, "");
    }
}
