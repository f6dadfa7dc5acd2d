package dev.osprey.app.cli;

import dev.osprey.app.AppHome;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code osprey} commands in-process with captured stdout/stderr and a recording studio. */
final class CliHarness {
    record Result(int exitCode, String out, String err) {
    }

    final Path home;
    Path workingDir;
    InterruptHandler interrupts = InterruptHandler.NONE;
    final List<Path> studioLaunches = new ArrayList<>();

    CliHarness(Path home, Path workingDir) {
        this.home = home;
        this.workingDir = workingDir;
    }

    Result run(String... args) {
        CliEnvironment env = new CliEnvironment(new AppHome(home), workingDir, false, interrupts,
                (h, ws) -> studioLaunches.add(ws));
        CommandLine cl = OspreyCli.create(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
