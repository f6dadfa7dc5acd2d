package dev.osprey.app.train;

/** The validation schemes a user picks from; the numbers (ratio, k, seed) are separate fields. */
public enum ValidationKind {
    HOLDOUT("Holdout"), K_FOLD("k-fold cross-validation"), STRATIFIED_K_FOLD("Stratified k-fold (classes)");

    private final String label;

    ValidationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
