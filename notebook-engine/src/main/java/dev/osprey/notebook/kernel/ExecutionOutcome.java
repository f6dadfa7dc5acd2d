package dev.osprey.notebook.kernel;

/** How a cell's execution ended. */
public enum ExecutionOutcome {
    /** Every snippet of the cell ran. */
    OK,
    /** A snippet did not compile or threw; later snippets of the cell did not run. */
    ERROR,
    /** {@link Kernel#interrupt()} stopped it. */
    INTERRUPTED,
    /** It never started: an earlier cell was interrupted, or the kernel restarted or shut down first. */
    ABORTED,
    /** The kernel JVM died while it ran (or was dead already). */
    KERNEL_DIED
}
