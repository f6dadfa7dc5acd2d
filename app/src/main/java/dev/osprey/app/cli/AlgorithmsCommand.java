package dev.osprey.app.cli;

import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.Algorithms;
import dev.osprey.core.train.ProblemType;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code osprey algorithms}: what {@code train --algorithm} and {@code --param} accept. Needs no workspace. */
@Command(name = "algorithms", description = "List the algorithms 'osprey train' can use, with their parameters and defaults.")
final class AlgorithmsCommand extends HeadlessCommand {
    @Override
    public Integer call() {
        for (Algorithm a : Algorithms.all()) {
            String problems = Arrays.stream(ProblemType.values()).filter(a::supports)
                    .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            out().printf("%s  %s  (%s)%n", a.id(), a.displayName(), problems);
            Map<String, String> defaults = a.defaults().toMap();
            out().println(defaults.isEmpty() ? "    no parameters"
                    : "    " + defaults.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("  ")));
        }
        out().println();
        out().println("Set a parameter with: osprey train ... --algorithm ID --param KEY=VALUE");
        out().flush();
        return ExitCodes.OK;
    }
}
