package dev.osprey.notebook.kernel.display;

import java.util.Objects;

/** Markdown text: the value of a cell (or {@code display(new Markdown("# Title"))}) shows it rendered. */
public record Markdown(String text) {
    public Markdown {
        Objects.requireNonNull(text, "text");
    }
}
