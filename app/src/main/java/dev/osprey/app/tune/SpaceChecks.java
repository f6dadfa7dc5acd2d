package dev.osprey.app.tune;

import dev.osprey.core.train.Algorithm;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.tune.Param;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the algorithm takes a parameter, checked as the form is typed. The engine checks the
 * same when the job starts (TuningChecks, not public); this asks the algorithm the same
 * questions so the message shows next to the row at once, in the engine's words.
 */
final class SpaceChecks {
    private SpaceChecks() {
    }

    /** Null when {@code a} accepts {@code p}'s name and both bounds (or every choice), else why not. */
    static String suits(Param p, Algorithm a) {
        Set<String> known = a.defaults().toMap().keySet();
        if (!known.contains(p.name())) {
            return a.id() + " has no parameter '" + p.name() + "'"
                    + (known.isEmpty() ? "; it has nothing to tune." : "; its parameters are " + String.join(", ", new TreeSet<>(known)) + ".");
        }
        List<String> probes = p instanceof Param.CategoricalParam c ? c.choices() : List.of(p.format(p.low()), p.format(p.high()));
        for (String v : probes) {
            try {
                a.options(Map.of(p.name(), v));
            } catch (TrainingException e) {
                return p.name() + "=" + p.describe() + " does not suit " + a.id() + ": " + e.getMessage();
            }
        }
        return null;
    }
}
