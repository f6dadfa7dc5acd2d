package dev.osprey.core.label;

/** What an annotator does to an item. */
public enum LabelTaskType {
    IMAGE_CLASSIFICATION(false, false),
    IMAGE_MULTI_LABEL(false, true),
    BOUNDING_BOX(false, true),
    TEXT_CLASSIFICATION(true, false),
    TEXT_MULTI_LABEL(true, true),
    NAMED_ENTITY(true, true);

    private final boolean text;
    private final boolean many;

    LabelTaskType(boolean text, boolean many) {
        this.text = text;
        this.many = many;
    }

    /** Items are texts (else image files). */
    public boolean textItems() {
        return text;
    }

    /** An answer may carry several classes or regions. */
    public boolean allowsSeveral() {
        return many;
    }
}
