package dev.osprey.notebook.run;

import dev.osprey.notebook.model.Notebook;

/** A cell failed while running a notebook; carries the cell and the notebook as far as it ran. */
public class NotebookExecutionException extends Exception {
    private final int cellIndex;
    private final String errorName;
    private final String errorMessage;
    private final transient Notebook partial;

    public NotebookExecutionException(int cellIndex, int line, String errorName, String errorMessage, Notebook partial) {
        super("cell " + (cellIndex + 1) + (line > 0 ? ", line " + line : "") + ": " + errorName
                + (errorMessage == null || errorMessage.isEmpty() ? "" : ": " + errorMessage));
        this.cellIndex = cellIndex;
        this.errorName = errorName;
        this.errorMessage = errorMessage;
        this.partial = partial;
    }

    /** The failing cell's 0-based index among all cells of the notebook that ran (injected parameters included). */
    public int cellIndex() {
        return cellIndex;
    }

    public String errorName() {
        return errorName;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The notebook with the outputs of every cell up to and including the failing one. */
    public Notebook partial() {
        return partial;
    }
}
