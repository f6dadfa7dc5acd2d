package dev.osprey.notebook.kernel;

/** The life cycle of a kernel, as the notebook's status bar shows it. */
public enum KernelStatus {
    /** The kernel JVM is being launched and JShell is loading the class path. */
    STARTING,
    /** Ready for a cell. */
    IDLE,
    /** A cell is running. */
    BUSY,
    /** The old kernel JVM is going away and a fresh one is starting. */
    RESTARTING,
    /** The kernel JVM ended (System.exit, a crash, failed start, or shutdown); {@link Kernel#restart()} brings a new one. */
    DEAD
}
