package dev.osprey.core.quality;

/** How much a warning matters, most severe first (the report lists warnings in this order). */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
