package dev.osprey.app.shell;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.job.Job;
import dev.osprey.core.workspace.Workspace;
import dev.osprey.core.workspace.WorkspaceException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Opens and creates workspaces for the studio: the engine is opened on a background thread
 * (it takes a file lock and migrates the catalog), then swapped in on the UI thread, which
 * closes the previous one. Keeps the recent-workspace list in step. Failures (locked by another
 * process, not a workspace) reach the user as a dialog and leave the current workspace open.
 */
public final class WorkspaceSwitcher {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSwitcher.class);

    @FunctionalInterface
    private interface Opener {
        Engine open(Path dir) throws WorkspaceException;
    }

    private final AppContext context;
    private final RecentWorkspaces store;
    private final Executor background;
    private final ObservableList<RecentWorkspace> recent = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public WorkspaceSwitcher(AppContext context, RecentWorkspaces store, Executor background) {
        this.context = Objects.requireNonNull(context);
        this.store = Objects.requireNonNull(store);
        this.background = Objects.requireNonNull(background);
    }

    /** Loads the recent list in the background. */
    public void loadRecent() {
        background.execute(() -> {
            List<RecentWorkspace> entries = check(store.load());
            context.uiExecutor().execute(() -> recent.setAll(entries));
        });
    }

    /**
     * Opens the workspace in {@code dir}. A folder that is not a workspace yet is offered for
     * creation. Completes with true when the studio switched to it.
     */
    public CompletableFuture<Boolean> open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (isCurrent(root)) {
            context.dialogs().notify("The workspace " + root.getFileName() + " is already open.");
            return CompletableFuture.completedFuture(false);
        }
        if (Files.isDirectory(root) && !Workspace.isWorkspace(root)) {
            if (!context.dialogs().confirm("Not a workspace",
                    root + " is not an Osprey workspace yet. Create a new workspace in this folder?")) {
                return CompletableFuture.completedFuture(false);
            }
            return switchTo(root, "create", Engine::create);
        }
        return switchTo(root, "open", Engine::open);
    }

    /** Creates a new workspace in {@code dir} (an empty or new folder) and switches to it. */
    public CompletableFuture<Boolean> create(Path dir) {
        return switchTo(dir.toAbsolutePath().normalize(), "create", Engine::create);
    }

    /** Removes an entry from the recent list (a folder that no longer exists). */
    public void forget(Path dir) {
        background.execute(() -> {
            try {
                List<RecentWorkspace> entries = check(store.remove(dir));
                context.uiExecutor().execute(() -> recent.setAll(entries));
            } catch (IOException e) {
                LOG.warn("Cannot update the recent-workspace list", e);
            }
        });
    }

    private CompletableFuture<Boolean> switchTo(Path root, String verb, Opener opener) {
        if (busy.get()) {
            context.dialogs().notify("Another workspace is being opened; wait for it to finish.");
            return CompletableFuture.completedFuture(false);
        }
        if (!stopRunningJobs()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        background.execute(() -> {
            Engine engine;
            try {
                engine = opener.open(root);
            } catch (WorkspaceException | RuntimeException e) {
                LOG.warn("Cannot {} the workspace {}: {}", verb, root, e.getMessage(), e);
                context.uiExecutor().execute(() -> {
                    busy.set(false);
                    context.dialogs().showError("Cannot " + verb + " the workspace", e.getMessage(), details(e));
                    done.complete(false);
                });
                return;
            }
            List<RecentWorkspace> entries = remember(root);
            context.uiExecutor().execute(() -> {
                context.switchEngine(engine);
                if (entries != null) {
                    recent.setAll(entries);
                }
                busy.set(false);
                LOG.info("Workspace {} is open", root);
                done.complete(true);
            });
        });
        return done;
    }

    /** Jobs run against the open workspace: switching away cancels them, after asking. */
    private boolean stopRunningJobs() {
        List<Job<?>> active = context.jobs().activeJobs();
        if (active.isEmpty()) {
            return true;
        }
        String what = active.size() == 1 ? "\"" + active.getFirst().title() + "\" is" : active.size() + " jobs are";
        if (!context.dialogs().confirm("Jobs are running", what + " still running. Switching workspace cancels "
                + (active.size() == 1 ? "it" : "them") + ". Switch anyway?")) {
            return false;
        }
        active.forEach(Job::cancel);
        return true;
    }

    private List<RecentWorkspace> remember(Path root) {
        try {
            return check(store.add(root));
        } catch (IOException e) {
            LOG.warn("Cannot update the recent-workspace list", e);
            return null;
        }
    }

    private boolean isCurrent(Path root) {
        Engine e = context.engine();
        return e != null && e.workspace().root().equals(root);
    }

    private static List<RecentWorkspace> check(List<Path> paths) {
        return paths.stream().map(p -> new RecentWorkspace(p, Workspace.isWorkspace(p))).toList();
    }

    private static String details(Throwable e) {
        Throwable cause = e.getCause();
        return cause == null ? null : cause.toString();
    }

    /** Recently opened workspaces, most recent first (including the open one). */
    public ObservableList<RecentWorkspace> recent() {
        return recent;
    }

    /** True while a workspace is being opened or created. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
