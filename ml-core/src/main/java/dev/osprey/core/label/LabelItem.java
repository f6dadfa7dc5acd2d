package dev.osprey.core.label;

import java.util.Optional;

/**
 * One thing to label: an image file (path relative to the workspace or absolute) or a text.
 * {@code gold} is the owner's known answer, used to score annotators.
 */
public record LabelItem(long id, LabelJobId job, int position, String source, Optional<LabelValue> gold) {
}
