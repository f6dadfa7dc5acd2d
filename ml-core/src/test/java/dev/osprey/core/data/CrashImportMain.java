package dev.osprey.core.data;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.Workspace;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link CrashDuringImportTest}: creates a workspace and imports a big CSV
 * in COPY mode, printing STARTED once the import is under way, so the parent can kill it there.
 */
public final class CrashImportMain {
    private CrashImportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workspaceDir = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        try (Workspace ws = Workspace.create(workspaceDir); DatasetService service = DatasetService.open(ws)) {
            JobContext announce = new JobContext() {
                private volatile boolean announced;

                @Override
                public void progress(double fraction, String message) {
                    if (!announced && fraction > 0) {
                        announced = true;
                        System.out.println("STARTED");
                        System.out.flush();
                    }
                }

                @Override
                public void log(String line) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public void onCancel(Runnable hook) {
                }
            };
            service.importFile(new ImportRequest(csv, "big", null, dev.osprey.core.data.StorageMode.COPY), announce);
            System.out.println("FINISHED");
        }
    }
}
