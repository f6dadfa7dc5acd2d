package dev.osprey.core.wrangle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An ordered list of steps. Immutable: every edit returns a new recipe, so undo is keeping the old one.
 * Indices are positions in {@link #steps()}, disabled steps included.
 */
public record Recipe(List<RecipeStep> steps) {
    public static final Recipe EMPTY = new Recipe(List.of());

    public Recipe {
        steps = List.copyOf(steps);
    }

    public static Recipe of(Step... steps) {
        return new Recipe(Arrays.stream(steps).map(s -> new RecipeStep(s, true)).toList());
    }

    public int size() {
        return steps.size();
    }

    public Step step(int i) {
        return steps.get(i).step();
    }

    public List<Step> enabledSteps() {
        return steps.stream().filter(RecipeStep::enabled).map(RecipeStep::step).toList();
    }

    public Recipe add(Step s) {
        return insert(steps.size(), s);
    }

    public Recipe insert(int i, Step s) {
        List<RecipeStep> copy = new ArrayList<>(steps);
        copy.add(checkIndex(i, steps.size() + 1), new RecipeStep(s, true));
        return new Recipe(copy);
    }

    public Recipe replace(int i, Step s) {
        List<RecipeStep> copy = new ArrayList<>(steps);
        copy.set(checkIndex(i, steps.size()), new RecipeStep(s, steps.get(i).enabled()));
        return new Recipe(copy);
    }

    public Recipe remove(int i) {
        List<RecipeStep> copy = new ArrayList<>(steps);
        copy.remove(checkIndex(i, steps.size()));
        return new Recipe(copy);
    }

    public Recipe move(int from, int to) {
        List<RecipeStep> copy = new ArrayList<>(steps);
        RecipeStep s = copy.remove(checkIndex(from, steps.size()));
        copy.add(checkIndex(to, steps.size()), s);
        return new Recipe(copy);
    }

    public Recipe setEnabled(int i, boolean on) {
        List<RecipeStep> copy = new ArrayList<>(steps);
        copy.set(checkIndex(i, steps.size()), steps.get(i).withEnabled(on));
        return new Recipe(copy);
    }

    /** The first {@code n} steps: the recipe as it stands before step {@code n}. */
    public Recipe prefix(int n) {
        return new Recipe(steps.subList(0, n));
    }

    private static int checkIndex(int i, int bound) {
        if (i < 0 || i >= bound) {
            throw new IndexOutOfBoundsException("step " + i + " is not in a recipe of " + bound + " positions");
        }
        return i;
    }
}
