package dev.osprey.app;

import dev.osprey.app.cli.CliEnvironment;
import dev.osprey.app.cli.FxStudio;
import dev.osprey.app.cli.OspreyCli;
import dev.osprey.app.cli.ShutdownHookInterrupts;
import picocli.CommandLine;

import java.nio.file.Path;

/**
 * The main class of the launcher, the app image and the .deb. It is deliberately not a JavaFX
 * {@code Application}: that is what lets JavaFX start from the class path, and it keeps headless
 * commands free of JavaFX. No static logger here: logging must not start before
 * {@code osprey.logdir} and the console level are set.
 */
public final class Osprey {
    /** Console log threshold for logback.xml: quiet for commands, chattier for the studio. */
    static final String CONSOLE_LEVEL = "osprey.console.level";
    static final String LOG_DIR = "osprey.logdir";

    private Osprey() {
    }

    public static void main(String[] args) {
        AppHome home = AppHome.fromSystem();
        if (System.getProperty(LOG_DIR) == null) {
            System.setProperty(LOG_DIR, home.logDir().toString());
        }
        ShutdownHookInterrupts interrupts = ShutdownHookInterrupts.install();
        CliEnvironment env = new CliEnvironment(home, Path.of("").toAbsolutePath(), stderrIsTerminal(), interrupts,
                (h, dir) -> FxStudio.launch(h, dir));
        CommandLine cli = OspreyCli.create(env);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            // Parsing touches no logger; the first one is created after this line.
            if (System.getProperty(CONSOLE_LEVEL) == null) {
                System.setProperty(CONSOLE_LEVEL, OspreyCli.opensStudio(parsed) ? "INFO" : "WARN");
            }
            return run.execute(parsed);
        });
        int code = cli.execute(args);
        interrupts.commandFinished();
        System.exit(code);
    }

    private static boolean stderrIsTerminal() {
        // System.console() only tells about stdin/stdout; progress goes to stderr, which a user may
        // have redirected separately. Without a portable isatty for stderr, require all three to be
        // the terminal (the launcher passes OSPREY_STDERR_TTY when it knows better).
        String hint = System.getenv("OSPREY_STDERR_TTY");
        if (hint != null) {
            return hint.equals("1");
        }
        var console = System.console();
        return console != null && console.isTerminal();
    }
}
