package dev.osprey.notebook.kernel;

import java.util.List;

/**
 * Completion candidates at a cursor: replace the cell's text from {@code anchor} to the cursor
 * with a suggestion's {@code continuation}.
 */
public record Completions(int anchor, List<Suggestion> suggestions) {
    public Completions {
        suggestions = List.copyOf(suggestions);
    }

    public static Completions none(int cursor) {
        return new Completions(cursor, List.of());
    }

    /** @param matchesType whether the candidate fits the type the context expects (rank these first) */
    public record Suggestion(String continuation, boolean matchesType) {
    }
}
