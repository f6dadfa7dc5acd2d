package dev.osprey.notebook.kernel;

/**
 * Receives kernel-wide news. Called on kernel threads, never the UI thread: a UI adapter
 * re-posts to its own thread. Calls are quick and must not block.
 */
public interface KernelListener {
    /**
     * The status changed. {@code reason} says why for {@link KernelStatus#DEAD} (e.g.
     * "the kernel exited with code 0"), and is empty otherwise.
     */
    void statusChanged(KernelStatus status, String reason);

    /** Output that arrived while no cell was running (a background thread started by a cell). */
    default void strayOutput(ExecutionEvent output) {
    }
}
