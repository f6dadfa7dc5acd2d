package dev.osprey.app.notebook;

import dev.osprey.core.train.TrainingCode;
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
     * the workspace folder in {@value TrainingCode#WORKSPACE_PROPERTY}, as generated cells expect.
     */
    static KernelLauncher studio() {
        return (workspace, dir) -> Kernel.start(KernelOptions.defaults()
                .withWorkingDirectory(dir)
                .withJvmOptions(List.of("-D" + TrainingCode.WORKSPACE_PROPERTY + "=" + workspace)));
    }
}
