package dev.osprey.core.label;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a labeling job asks for: task, classes, instructions and how many people label each item. */
public record LabelJobSpec(String name, LabelTaskType type, List<LabelClass> classes, String instructions,
                           int annotationsPerItem) {
    public LabelJobSpec {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("a job name is 1-64 letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        if (type == null) {
            throw new IllegalArgumentException("job '" + name + "' needs a task type");
        }
        classes = List.copyOf(classes);
        if (classes.isEmpty() || (classes.size() < 2 && !type.allowsSeveral())) {
            throw new IllegalArgumentException("job '" + name + "' needs at least "
                    + (type.allowsSeveral() ? "one class" : "two classes"));
        }
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (LabelClass c : classes) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("job '" + name + "': class '" + c.name() + "' appears twice");
            }
            if (c.hotkey() != null && !keys.add(c.hotkey())) {
                throw new IllegalArgumentException("job '" + name + "': hotkey '" + c.hotkey() + "' is used twice");
            }
        }
        if (annotationsPerItem < 1 || annotationsPerItem > 50) {
            throw new IllegalArgumentException("annotations per item must be 1..50, got " + annotationsPerItem);
        }
        instructions = instructions == null ? "" : instructions;
    }

    public int classIndex(String className) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).name().equals(className)) {
                return i;
            }
        }
        throw new IllegalArgumentException("job '" + name + "' has no class '" + className + "'");
    }
}
