package dev.osprey.core.label;

import dev.osprey.core.workspace.Workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Child process for {@link KilledDuringSubmitTest}: submits answers and prints each acknowledged item id. */
public final class SubmitBurstMain {
    private SubmitBurstMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            LabelStore store = new LabelStore(ws);
            LabelJob job = store.require("burst");
            List<LabelItem> items = store.items(job.id(), 0, Integer.MAX_VALUE);
            System.out.println("STARTED");
            System.out.flush();
            for (LabelItem item : items) {
                store.submit(item.id(), "ann", new LabelValue.Classes(List.of(item.position() % 2)), Duration.ofMillis(5));
                System.out.println("ACK " + item.id());
                System.out.flush();
            }
            System.out.println("DONE");
        }
    }
}
