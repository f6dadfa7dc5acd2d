package dev.osprey.app.shell;

import dev.osprey.app.AppHome;
import javafx.application.Application;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The studio's entry point for the launcher. The main class stays outside {@link Application}
 * (so JavaFX runs from the class path without module checks); this starts {@link StudioApplication}
 * and returns when the last window is closed.
 */
public final class Studio {
    static final String HOME_PARAM = "home";
    static final String WORKSPACE_PARAM = "workspace";

    private Studio() {
    }

    /**
     * Opens the main window on {@code workspaceDir} (null: no workspace, the Home page offers to
     * open or create one). Blocks until the window is closed.
     */
    public static void launch(AppHome home, Path workspaceDir) {
        Objects.requireNonNull(home, "home");
        Application.launch(StudioApplication.class, arguments(home, workspaceDir));
    }

    static String[] arguments(AppHome home, Path workspaceDir) {
        List<String> args = new ArrayList<>();
        args.add("--" + HOME_PARAM + "=" + home.dir());
        if (workspaceDir != null) {
            args.add("--" + WORKSPACE_PARAM + "=" + workspaceDir.toAbsolutePath().normalize());
        }
        return args.toArray(String[]::new);
    }
}
