package dev.osprey.app.shell;

import dev.osprey.app.AppHome;
import dev.osprey.app.StudioPages;
import dev.osprey.app.fx.FxThread;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * The JavaFX application behind {@link Studio#launch}: shows the main window, then opens the
 * workspace given on the command line. A workspace that cannot be opened (locked by another
 * process, not a workspace) is reported in a dialog and the Home page offers open and new.
 */
public final class StudioApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(StudioApplication.class);
    private StudioSession session;

    @Override
    public void start(Stage stage) {
        Map<String, String> params = getParameters().getNamed();
        String homeParam = params.get(Studio.HOME_PARAM);
        AppHome home = homeParam == null ? AppHome.fromSystem() : new AppHome(Path.of(homeParam));

        session = StudioSession.create(home, stage, new StudioPages());
        UncaughtErrorHandler handler = new UncaughtErrorHandler(session.context().dialogs(), FxThread.executor());
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);

        stage.setWidth(MainWindow.DEFAULT_WIDTH);
        stage.setHeight(MainWindow.DEFAULT_HEIGHT);
        stage.show();
        LOG.info("Studio started (home {})", home.dir());

        String workspace = params.get(Studio.WORKSPACE_PARAM);
        if (workspace != null) {
            session.workspaces().open(Path.of(workspace));
        }
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
            LOG.info("Studio closed");
        }
    }
}
