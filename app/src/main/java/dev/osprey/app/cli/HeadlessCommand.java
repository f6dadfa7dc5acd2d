package dev.osprey.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Base of the commands that work without a window. They reach the global options and the
 * environment through the root command, and write results to stdout, notes and progress to stderr.
 */
abstract class HeadlessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    final OspreyCommand root() {
        return (OspreyCommand) spec.root().userObject();
    }

    final CliEnvironment env() {
        return root().env();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A path from the command line, relative to the working folder. */
    final Path resolve(Path p) {
        return env().workingDir().resolve(p).normalize();
    }
}
