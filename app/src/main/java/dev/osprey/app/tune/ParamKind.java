package dev.osprey.app.tune;

import dev.osprey.core.tune.Param;

/** How a row of the search-space form is searched; {@link #word()} is the engine's space syntax. */
public enum ParamKind {
    INT("int", "int"),
    LOG_INT("log-int", "logint"),
    FLOAT("float", "float"),
    LOG("log", "log"),
    CATEGORICAL("categorical", "cat");

    private final String label;
    private final String word;

    ParamKind(String label, String word) {
        this.label = label;
        this.word = word;
    }

    public String label() {
        return label;
    }

    /** The kind's word in the space text, e.g. {@code logint}. */
    public String word() {
        return word;
    }

    public boolean isRange() {
        return this != CATEGORICAL;
    }

    static ParamKind of(Param p) {
        return switch (p) {
            case Param.IntParam i -> i.log() ? LOG_INT : INT;
            case Param.FloatParam f -> f.log() ? LOG : FLOAT;
            case Param.CategoricalParam c -> CATEGORICAL;
        };
    }
}
