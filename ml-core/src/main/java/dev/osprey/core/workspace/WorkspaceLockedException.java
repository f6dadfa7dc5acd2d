package dev.osprey.core.workspace;

import java.nio.file.Path;

/** Another Osprey process (or this one) already holds the workspace for writing. */
public final class WorkspaceLockedException extends WorkspaceException {
    public WorkspaceLockedException(Path root, String holder) {
        super("The workspace " + root + " is open in another Osprey process" + (holder.isBlank() ? "" : " (" + holder + ")")
                + ". Close it there first, or open a different workspace.");
    }
}
