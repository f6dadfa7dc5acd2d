package dev.osprey.core.wrangle;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.DatasetId;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits a recipe for one source with undo and redo. Every edit is checked by previewing the new
 * recipe on the sample; an edit that fails throws and leaves the recipe (and the undo history) as it was.
 * Not thread-safe: one editor belongs to one grid, and its view model calls it off the FX thread.
 */
public final class RecipeEditor {
    /** Rows a preview returns. */
    public static final int PREVIEW_ROWS = 1_000;

    private final RecipeService service;
    private final DatasetId source;
    private final Deque<Recipe> undo = new ArrayDeque<>();
    private final Deque<Recipe> redo = new ArrayDeque<>();
    private Recipe recipe;
    private Preview preview;

    RecipeEditor(RecipeService service, DatasetId source, Recipe initial) throws WrangleException {
        this.service = service;
        this.source = source;
        this.preview = service.preview(source, initial, PREVIEW_ROWS);
        this.recipe = initial;
    }

    public DatasetId source() {
        return source;
    }

    public Recipe recipe() {
        return recipe;
    }

    /** The preview of the current recipe (computed by the last successful edit). */
    public Preview preview() {
        return preview;
    }

    /** The columns after each step ({@code schemas().get(i)} after step i). */
    public List<List<Column>> schemas() {
        return preview.schemas();
    }

    public List<Column> sourceColumns() throws WrangleException {
        return service.sourceColumns(source);
    }

    /** The columns step {@code i} receives: what its form offers. */
    public List<Column> columnsBefore(int i) throws WrangleException {
        if (i < 0 || i > recipe.size()) {
            throw new IndexOutOfBoundsException("no step " + i);
        }
        return i == 0 ? sourceColumns() : preview.schemas().get(i - 1);
    }

    public void add(Step s) throws WrangleException {
        edit(r -> r.add(s));
    }

    public void insert(int i, Step s) throws WrangleException {
        edit(r -> r.insert(i, s));
    }

    public void replace(int i, Step s) throws WrangleException {
        edit(r -> r.replace(i, s));
    }

    public void remove(int i) throws WrangleException {
        edit(r -> r.remove(i));
    }

    public void move(int from, int to) throws WrangleException {
        edit(r -> r.move(from, to));
    }

    public void setEnabled(int i, boolean on) throws WrangleException {
        edit(r -> r.setEnabled(i, on));
    }

    /** Replaces the whole recipe (for example with a saved one), as one undoable edit. */
    public void set(Recipe r) throws WrangleException {
        edit(x -> r);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Goes back one edit. The earlier recipe checked before; if the data changed since, the error says so. */
    public void undo() throws WrangleException {
        if (undo.isEmpty()) {
            return;
        }
        Recipe previous = undo.peek();
        preview = service.preview(source, previous, PREVIEW_ROWS);
        undo.pop();
        redo.push(recipe);
        recipe = previous;
    }

    public void redo() throws WrangleException {
        if (redo.isEmpty()) {
            return;
        }
        Recipe next = redo.peek();
        preview = service.preview(source, next, PREVIEW_ROWS);
        redo.pop();
        undo.push(recipe);
        recipe = next;
    }

    private void edit(UnaryOperator<Recipe> change) throws WrangleException {
        Recipe candidate = change.apply(recipe);
        Preview p = service.preview(source, candidate, PREVIEW_ROWS);
        undo.push(recipe);
        redo.clear();
        recipe = candidate;
        preview = p;
    }
}
