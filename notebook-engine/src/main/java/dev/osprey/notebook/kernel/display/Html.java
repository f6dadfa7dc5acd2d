package dev.osprey.notebook.kernel.display;

import java.util.Objects;

/** An HTML fragment: the value of a cell (or {@code display(new Html("<b>hi</b>"))}) shows it rendered. */
public record Html(String html) {
    public Html {
        Objects.requireNonNull(html, "html");
    }
}
