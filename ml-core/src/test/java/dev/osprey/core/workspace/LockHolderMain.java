package dev.osprey.core.workspace;

import java.nio.file.Path;

/** Run in a child JVM by {@link WorkspaceTest}: opens a workspace, says LOCKED, and holds it until killed. */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            System.out.println("LOCKED");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
