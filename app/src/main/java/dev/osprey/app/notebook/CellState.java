package dev.osprey.app.notebook;

/** Where a code cell is in the kernel's queue, as its prompt shows it ({@code [ ]}, {@code [*]}). */
public enum CellState {
    IDLE,
    /** Sent to the kernel, waiting behind other cells or for the kernel to start. */
    QUEUED,
    RUNNING
}
