package dev.osprey.app.shell;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.app.DialogService;
import dev.osprey.app.fx.FxJobMonitor;
import dev.osprey.app.fx.FxThread;
import dev.osprey.core.job.JobService;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The studio's composition root for one window: creates the services (jobs, dialogs, the job
 * monitor, the workspace switcher), builds the {@link MainWindow} on a stage and closes it all
 * again. Call on the FX thread. The studio and the UI tests both start here.
 */
public final class StudioSession implements AutoCloseable {
    static final javafx.scene.input.KeyCombination QUIT_KEY = new javafx.scene.input.KeyCodeCombination(
            javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private static final Logger LOG = LoggerFactory.getLogger(StudioSession.class);
    /** How often job state reaches the UI at most. */
    static final Duration JOB_FLUSH_INTERVAL = Duration.ofMillis(100);

    private final AppContext context;
    private final FxJobMonitor monitor;
    private final ExecutorService background;
    private final WorkspaceSwitcher workspaces;
    private final MainWindow window;
    private final Stage stage;

    private StudioSession(AppHome home, Stage stage, Function<Supplier<Window>, DialogService> dialogFactory,
                          PageFactory pages) {
        this.stage = stage;
        AtomicLong n = new AtomicLong();
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "osprey-ui-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        JobService jobs = new JobService();
        DialogService dialogs = dialogFactory.apply(() -> stage);
        this.context = new AppContext(home, jobs, dialogs, FxThread.executor());
        this.monitor = FxJobMonitor.onFxThread(jobs, JOB_FLUSH_INTERVAL);
        this.workspaces = new WorkspaceSwitcher(context, new RecentWorkspaces(home.recentWorkspacesFile()), background);
        this.window = new MainWindow(context, monitor, workspaces, background, pages);
        window.attach(stage);
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        // Ctrl+Q (Cmd+Q on a Mac) quits like the window's close button: the same question when jobs run.
        stage.getScene().getAccelerators().put(QUIT_KEY, () -> {
            if (confirmClose()) {
                stage.close();
            }
        });
        workspaces.loadRecent();
    }

    /** Builds the main window with {@code pages} on {@code stage} (not shown yet), with the studio's dialogs. */
    public static StudioSession create(AppHome home, Stage stage, PageFactory pages) {
        return new StudioSession(home, stage, FxDialogService::new, pages);
    }

    /** As {@link #create(AppHome, Stage, PageFactory)}, with other dialogs (tests answer them without a person). */
    public static StudioSession create(AppHome home, Stage stage, PageFactory pages,
                                       Function<Supplier<Window>, DialogService> dialogs) {
        return new StudioSession(home, stage, dialogs, pages);
    }

    private boolean confirmClose() {
        int active = context.jobs().activeJobs().size();
        if (active == 0) {
            return true;
        }
        return context.dialogs().confirm("Jobs are running",
                (active == 1 ? "A job is" : active + " jobs are") + " still running. Quit and cancel "
                        + (active == 1 ? "it" : "them") + "?");
    }

    public AppContext context() {
        return context;
    }

    public WorkspaceSwitcher workspaces() {
        return workspaces;
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Cancels running jobs, closes the workspace and stops the session's threads. The workspace is
     * switched away first, so pages see it go (the notebook page saves and stops its kernels).
     * Call on the FX thread.
     */
    @Override
    public void close() {
        try {
            context.jobs().shutdown(5);
            context.switchEngine(null);
        } catch (RuntimeException e) {
            LOG.warn("Closing the pages' workspace state failed", e);
        }
        window.dispose();
        monitor.close();
        try {
            context.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the workspace failed", e);
        }
        background.shutdownNow();
    }
}
