package dev.osprey.core.label;

import java.util.List;

/** What a labeling file holds: the task, the class names in index order, and the labelled items. */
public record LabelSet(LabelTaskType type, List<String> classNames, List<LabelRecord> records) {
    public LabelSet {
        classNames = List.copyOf(classNames);
        records = List.copyOf(records);
    }
}
