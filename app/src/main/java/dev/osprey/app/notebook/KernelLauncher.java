package dev.osprey.app.notebook;

import dev.osprey.core.train.TrainingCode;
import dev.osprey.core.workspace.Workspace;
import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.KernelOptions;

import java.nio.file.Path;
import java.util.List;

/** Starts the kernel of an open notebook; returns at once with the kernel in STARTING. */
@FunctionalInterface
public interface KernelLauncher {
    Kernel start(Path workspaceRoot, Path notebookDir);

    /**
     * The studio's kernels: this JVM's JDK and class path (so cells see ml-core, Smile and the
     * workspace API exactly as the studio does), the notebook's folder as working directory and
     * the workspace folder in {@value TrainingCode#WORKSPACE_PROPERTY}, as generated cells expect, and
     * this process's pid in {@value Workspace#HOST_PID_PROPERTY}, so cells can open the workspace
     * the studio holds.
     */
    static KernelLauncher studio() {
        return (workspace, dir) -> Kernel.start(KernelOptions.defaults()
                .withWorkingDirectory(dir)
                .withJvmOptions(List.of("-D" + TrainingCode.WORKSPACE_PROPERTY + "=" + workspace,
                        // the studio holds the workspace; its kernels may open it as guests
                        "-D" + Workspace.HOST_PID_PROPERTY + "=" + ProcessHandle.current().pid())));
    }
}
